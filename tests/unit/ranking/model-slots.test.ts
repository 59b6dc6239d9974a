import { describe, expect, it } from "vitest";
import { createModelSlots } from "@/lib/ranking/service/limits/model-slots";

describe("model slots", () => {
  it("never holds more than the cap open, hands a released slot to the next in line, and refuses after the wait", async () => {
    const slots = createModelSlots(2);
    const first = await slots.acquire();
    const second = await slots.acquire();
    expect(slots.open).toBe(2);
    const waiting = slots.acquire(500);
    const late = slots.acquire(20);
    expect(await late).toBeUndefined();
    first?.();
    const third = await waiting;
    expect(third).toBeTypeOf("function");
    expect(slots.open).toBe(2);
    second?.();
    third?.();
    third?.(); // a second release changes nothing
    expect(slots.open).toBe(0);
    expect(slots.peak).toBe(2);
  });

  it("keeps the line bounded: past two waiters a slot, a ranking is refused at once", async () => {
    const slots = createModelSlots(1);
    await slots.acquire();
    const line = [slots.acquire(200), slots.acquire(200)];
    // Refused before the two in line give up waiting: no wait at all.
    expect(await Promise.race([slots.acquire(5_000), line[0]!.then(() => "the line gave up first")])).toBeUndefined();
    expect(await Promise.all(line)).toEqual([undefined, undefined]);
  });
});
