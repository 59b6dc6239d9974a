import { runTool } from "./catalog/tools.ts";
import { median, ms, percentile, ratio } from "./support/stats.ts";

// A browser's own profile, derived per ranking (lib/shoppers/own-shopper.ts): one shopper with 10,000 events,
// 50 orders, 20 ratings and 10 "not interested" answers, among more and more events of other browsers. Each
// size in a fresh process on an in-memory PGlite (bench/profile/time-profile.ts).

export const PROFILE_FULL = { runs: 200, others: [0, 100_000, 500_000] };
export const PROFILE_QUICK = { runs: 20, others: [0, 20_000] };

export interface ProfileTiming {
  eventsTable: number;
  shopperEvents: number;
  p50: number;
  p95: number;
  facts: number;
}

export async function measureProfile(settings: typeof PROFILE_FULL): Promise<ProfileTiming[]> {
  const results: ProfileTiming[] = [];
  for (const others of settings.others) {
    const ran = await runTool("bench/profile/time-profile.ts", [String(settings.runs), String(others)], { AISLE_DATA_DIR: "memory://" }, 900_000);
    const line = ran.stdout.trim().split("\n").at(-1) ?? "";
    if (ran.code !== 0 || !line.startsWith("{")) throw new Error(`the profile timer failed (exit ${ran.code}): ${ran.stderr.slice(-800)}`);
    const timed = JSON.parse(line) as { eventsTable: number; shopperEvents: number; times: number[]; facts: number };
    results.push({ eventsTable: timed.eventsTable, shopperEvents: timed.shopperEvents, p50: median(timed.times), p95: percentile(timed.times, 95), facts: timed.facts });
  }
  return results;
}

/** BENCHMARKS.md section 13, and what makes the run fail (a profile over its budget). */
export function profileReport(results: readonly ProfileTiming[], quick: boolean): { lines: string[]; problems: string[] } {
  const lines = [
    `## 13. A shopper's profile from their history, per ranking (PGlite in memory; ${quick ? "quick run" : `${PROFILE_FULL.runs} derivations a size`})`,
    "| events in the table | the shopper's events | facts derived | p50 | p95 | p50 vs the smallest table |",
    "|---:|---:|---:|---:|---:|---:|",
  ];
  const base = results[0]?.p50 ?? Number.NaN;
  for (const result of results) {
    lines.push(`| ${result.eventsTable.toLocaleString("en-US")} | ${result.shopperEvents.toLocaleString("en-US")} | ${result.facts} | ${ms(result.p50)} | ${ms(result.p95)} | ${ratio(result.p50, base)} |`);
  }
  const worst = Math.max(...results.map((result) => result.p50));
  lines.push(`Target: ≤ 5 ms per ranking at 10,000 events for one shopper, flat in the table's size — worst p50 ${ms(worst)}: ${worst <= 5 ? "met" : "missed"}.`);
  const problems = results.some((result) => result.facts === 0) ? ["the profile bench derived no fact"] : [];
  return { lines, problems };
}
