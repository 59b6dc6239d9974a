import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { processSingleton } from "@/lib/process/process-singleton";

// A shopper's writes — checkout, "not interested", ratings, the profile's removals — are budgeted like
// rankings (docs/architecture.md §13): per browser, in the database, so the count holds across servers.
// Generous for a person, a wall for a script.

export const WRITES_PER_MINUTE = 60;

const state = processSingleton("write-budget", () => ({ limiter: undefined as Promise<RateLimiterDrizzle> | undefined }));

function limiter(): Promise<RateLimiterDrizzle> {
  state.limiter ??= getDb().then(
    (db) => new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, points: WRITES_PER_MINUTE, duration: 60, keyPrefix: "writes", clearExpiredByTimeout: false }),
    (error: unknown) => {
      state.limiter = undefined;
      throw error;
    },
  );
  return state.limiter;
}

/** Takes one write from the browser's budget: undefined when allowed, else a sentence saying when to retry. */
export async function takeWriteBudget(browserId: string): Promise<string | undefined> {
  try {
    await (await limiter()).consume(`browser:${browserId}`);
    return undefined;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return `Too many changes at once: try again in ${Math.max(1, Math.ceil(refusal.msBeforeNext / 1000))} s.`;
  }
}
