import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, listenTo } from "@/lib/db/client";
import { cancelEverywhere, listenForCancels } from "@/lib/ranking/service/cancel-everywhere";
import { openLiveRanking } from "@/lib/ranking/service/live-rankings";

// A cancel beacon that reaches another server than the one streaming the ranking still stops it: the word
// goes through the database (NOTIFY), which every server listens to. CI runs this on PGlite and PostgreSQL.

/** Resolves when `signal` aborts; rejects if it has not after `ms` (a bound, not a measurement). */
const aborted = (signal: AbortSignal, ms = 5_000) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(() => reject(new Error("not aborted")), ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

describe("cancelling a ranking everywhere", () => {
  it("stops a ranking of this process when the database says another server was told to cancel it", async () => {
    await listenForCancels();
    const ranking = openLiveRanking();
    const other = openLiveRanking();
    const db = await getDb();
    // What another server's cancel route sends when the ranking is not its own.
    await db.execute(sql`select pg_notify('aisle_cancel_ranking', ${ranking.id})`);
    await aborted(ranking.signal);
    expect(ranking.signal.aborted).toBe(true);
    expect(other.signal.aborted).toBe(false);
    other.finish();
  });

  it("stops its own ranking at once, without the database", async () => {
    const ranking = openLiveRanking();
    await cancelEverywhere(ranking.id);
    expect(ranking.signal.aborted).toBe(true);
  });

  it("passes a cancel it cannot serve to the other servers through the database", async () => {
    const heard: string[] = [];
    await listenTo("aisle_cancel_ranking", (id) => heard.push(id));
    const id = crypto.randomUUID();
    await cancelEverywhere(id);
    for (let waited = 0; !heard.includes(id) && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toContain(id);
  });
});
