import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { processSingleton } from "@/lib/process/process-singleton";

// Beacons a browser may send a minute. Kept in the process's memory, unlike the write budget: a beacon must
// cost no database write of its own (events are batched), and a flood is already bounded by the rankings a
// browser was shown (each is budgeted in the database).
export const BEACONS_PER_MINUTE = 120;

const limiter = processSingleton("beacon-budget", () => new RateLimiterMemory({ points: BEACONS_PER_MINUTE, duration: 60, keyPrefix: "beacons" }));

/** Undefined when the browser may send one more, else the seconds until it may. */
export async function takeBeacon(browserId: string): Promise<number | undefined> {
  try {
    await limiter.consume(browserId);
    return undefined;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  }
}
