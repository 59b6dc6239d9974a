import { describe, expect, it, vi } from "vitest";
import type { GridEntry } from "@/components/grid/grid-entry";
import { gridStoreFor } from "@/components/grid/grid-store";

function card(id: string, _rank: number): GridEntry {
  return { type: "card", id, source: "model", card: null };
}

/** An iterable the test feeds by hand, one entry at a time. */
function manualStream() {
  const queue: ((result: IteratorResult<GridEntry>) => void)[] = [];
  let reads = 0;
  const iterable: AsyncIterable<GridEntry> = {
    [Symbol.asyncIterator]: () => {
      reads += 1;
      return { next: () => new Promise((resolve) => queue.push(resolve)) };
    },
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    iterable,
    reads: () => reads,
    async push(entry: GridEntry) {
      queue.shift()?.({ done: false, value: entry });
      await flush();
    },
    async end() {
      queue.shift()?.({ done: true, value: undefined });
      await flush();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("gridStoreFor", () => {
  it("reads the stream once however often it is asked, publishing each card as it arrives", async () => {
    const stream = manualStream();
    const store = gridStoreFor(stream.iterable);
    expect(gridStoreFor(stream.iterable)).toBe(store);
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().cards.length));
    await stream.push(card("1", 1));
    await stream.push(card("2", 2));
    expect(seen).toEqual([1, 2]);
    expect(store.getSnapshot().cards.map((entry) => entry.id)).toEqual(["1", "2"]);
    expect(stream.reads()).toBe(1);
  });

  it("calls onAbandon once when the last view leaves an unfinished ranking, not on a StrictMode remount", async () => {
    const stream = manualStream();
    const store = gridStoreFor(stream.iterable);
    const abandon = vi.fn();
    // StrictMode: mount, unmount, mount again at once.
    store.retain(abandon)();
    const release = store.retain(abandon);
    await sleep(5);
    expect(abandon).not.toHaveBeenCalled();
    release();
    await sleep(5);
    expect(abandon).toHaveBeenCalledTimes(1);
  });

  it("does not call onAbandon when the ranking had finished", async () => {
    const stream = manualStream();
    const store = gridStoreFor(stream.iterable);
    const abandon = vi.fn();
    const release = store.retain(abandon);
    await stream.push(card("1", 1));
    await stream.end();
    release();
    await sleep(5);
    expect(abandon).not.toHaveBeenCalled();
  });

  it("marks the grid failed when the stream throws, keeping the cards it had", async () => {
    let calls = 0;
    const store = gridStoreFor({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          calls += 1;
          if (calls === 1) return { done: false, value: card("7", 1) };
          throw new Error("connection lost");
        },
      }),
    });
    await sleep(5);
    expect(store.getSnapshot()).toMatchObject({ failed: true, summary: null });
    expect(store.getSnapshot().cards).toHaveLength(1);
  });

  it("promises each place once: the card when it arrives, undefined for places the ranking ended before", async () => {
    const stream = manualStream();
    const store = gridStoreFor(stream.iterable);
    const second = store.cardAt(1);
    expect(store.cardAt(1)).toBe(second);
    let settled = false;
    void second.then(() => (settled = true));
    await stream.push(card("1", 1));
    expect(settled).toBe(false);
    await expect(store.cardAt(0)).resolves.toMatchObject({ id: "1" });
    await stream.push(card("2", 2));
    await expect(second).resolves.toMatchObject({ id: "2" });
    const third = store.cardAt(2);
    await stream.end();
    await expect(third).resolves.toBeUndefined();
    await expect(store.cardAt(7)).resolves.toBeUndefined();
  });
});
