import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { processSingleton } from "@/lib/process/process-singleton";

// Every model call is money: one client may start at most AISLE_RANKINGS_PER_MINUTE fresh model rankings a
// minute (replays are free and not counted). Counted in the database (rate-limiter-flexible's Drizzle store),
// so the budget holds across several servers on one PostgreSQL (docs/architecture.md §13).

export interface Client {
  /** The browser's id cookie, when it has one. */
  browserId?: string;
  /** Its address (see client-address.ts), when known. */
  address?: string;
}

export type Budget = { ok: true } | { ok: false; retryAfterSeconds: number };

const state = processSingleton("model-budget", () => ({ limiter: undefined as Promise<RateLimiterDrizzle> | undefined }));

async function limiter(): Promise<RateLimiterDrizzle> {
  state.limiter ??= getDb().then(
    (db) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        points: getConfig().limits.rankingsPerMinute,
        duration: 60,
        keyPrefix: "rankings",
        // No background timer: an expired row is reset by its next use.
        clearExpiredByTimeout: false,
      }),
    (error: unknown) => {
      state.limiter = undefined;
      throw error;
    },
  );
  return state.limiter;
}

/**
 * Whether a fresh ranking may call the model, and if not, the outcome it reports instead: the client past its
 * budget (`rate-limited`, with when to try again), or the server's own warm-up — ranked like a ranking over
 * capacity, its budget's store readied but nothing spent (lib/process/warm-up-requests.ts).
 */
export type ModelUse = { model: true } | { model: false; outcome: "rate-limited"; retryAfterSeconds: number } | { model: false; outcome: "over-capacity" };

export async function modelUseFor(client: Client, { warmUp }: { warmUp: boolean }): Promise<ModelUse> {
  if (warmUp) {
    await (await limiter()).get("warm-up");
    return { model: false, outcome: "over-capacity" };
  }
  const budget = await takeModelBudget(client);
  return budget.ok ? { model: true } : { model: false, outcome: "rate-limited", retryAfterSeconds: budget.retryAfterSeconds };
}

/**
 * Takes one fresh model ranking from the client's budget: its browser's and its address's, each of which
 * must have one left. A database error is thrown (the caller answers 503); a budget spent is a value.
 */
export async function takeModelBudget(client: Client): Promise<Budget> {
  const keys = [client.browserId && `browser:${client.browserId}`, client.address && `address:${client.address}`].filter((key): key is string => !!key);
  if (keys.length === 0) return { ok: true };
  const rate = await limiter();
  let retryAfterMs = 0;
  for (const key of keys) {
    try {
      await rate.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      retryAfterMs = Math.max(retryAfterMs, refusal.msBeforeNext);
    }
  }
  return retryAfterMs > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { ok: true };
}
