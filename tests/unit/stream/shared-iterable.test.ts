import { describe, expect, it } from "vitest";
import { shareIterable } from "@/lib/stream/shared-iterable";

async function* numbers(count: number, failAt?: number) {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (i === failAt) throw new Error("source failed");
    yield i;
  }
}

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of source) values.push(value);
  return values;
}

describe("shareIterable", () => {
  it("reads the source once for a consumer and lookups by index, in any order", async () => {
    let reads = 0;
    async function* counted() {
      for await (const value of numbers(5)) {
        reads++;
        yield value;
      }
    }
    const shared = shareIterable(counted());
    const [third, every, first] = await Promise.all([shared.at(2), all(shared.consumer()), shared.at(0)]);
    expect([third, first]).toEqual([2, 0]);
    expect(every).toEqual([0, 1, 2, 3, 4]);
    expect(reads).toBe(5);
  });

  it("answers undefined past the end, and throws a source's error to the consumer only", async () => {
    const shared = shareIterable(numbers(3, 2));
    await expect(all(shared.consumer())).rejects.toThrow("source failed");
    expect(await shared.at(1)).toBe(1);
    expect(await shared.at(2)).toBeUndefined();
    expect(await shareIterable(numbers(1)).at(5)).toBeUndefined();
  });
});
