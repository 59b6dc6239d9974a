import { rmSync } from "node:fs";
import path from "node:path";
import { median, ms, percentile } from "./support/stats.ts";
import { timePages, type PageTimes } from "./catalog/pages.ts";
import { startCluster, type Cluster } from "./catalog/postgres.ts";
import { searchSetQueries } from "./catalog/queries.ts";
import type { CatalogSettings, DatabaseKind } from "./catalog/settings.ts";
import { generatedCatalog, runTool, timeRetrieval, type RetrievalTimes } from "./catalog/tools.ts";
import { measureTwoServers, type TwoServersResult } from "./catalog/two-servers.ts";

export { CATALOG_FULL, CATALOG_QUICK } from "./catalog/settings.ts";

// 11. A catalog that grows (issue "Search that finds, and a catalog that grows"; DESIGN §7): generated catalogs
// of 1,000 to 100,000 products imported with the store's CLI into PGlite and PostgreSQL; the store's retrieval
// timed over a fixed query mix and the personal shortlists; the home and search pages' first bytes under
// `npm start`; the server's memory; then two servers on one PostgreSQL.

export interface CatalogRun {
  database: DatabaseKind;
  size: number;
  importMs: number;
  /** What the CLI printed last (its own summary line). */
  importSummary: string;
  retrieval: RetrievalTimes;
  pages: PageTimes;
}

export interface CatalogResult {
  runs: CatalogRun[];
  twoServers?: TwoServersResult | { skipped: string };
  skipped: string[];
}


export async function measureCatalog(settings: CatalogSettings): Promise<CatalogResult> {
  const runs: CatalogRun[] = [];
  const skipped: string[] = [];
  const queries = searchSetQueries();
  let cluster: Cluster | undefined;
  let largestPostgres: string | undefined;
  try {
    if (settings.databases.includes("postgres")) {
      const started = await startCluster();
      if (typeof started === "string") skipped.push(`PostgreSQL: ${started}`);
      else cluster = started;
    }
    for (const database of settings.databases) {
      if (database === "postgres" && !cluster) continue;
      for (const size of settings.sizes) {
        const file = await generatedCatalog(size, settings.seed);
        const dataDir = path.resolve(`bench-results/tmp/pglite-${size}`);
        if (database === "pglite") rmSync(dataDir, { recursive: true, force: true });
        const env: Record<string, string> = database === "pglite" ? { AISLE_DATA_DIR: dataDir } : { DATABASE_URL: (cluster as Cluster).database(`catalog_${size}`) };
        if (database === "postgres") largestPostgres = env.DATABASE_URL;
        const imported = await runTool("scripts/catalog.ts", ["import", file], env, 1_800_000);
        if (imported.code !== 0) throw new Error(`import of ${size} into ${database} failed (exit ${imported.code}): ${(imported.stderr || imported.stdout).slice(-600)}`);
        const retrieval = await timeRetrieval(env, settings.queryRuns);
        const pages = await timePages(env, settings.pageRuns, queries);
        runs.push({ database, size, importMs: imported.ms, importSummary: imported.stdout.trim().split("\n").at(-1) ?? "", retrieval, pages });
        if (database === "pglite") rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const twoServers = !settings.twoServers ? undefined : largestPostgres ? await measureTwoServers(largestPostgres, queries) : { skipped: "no PostgreSQL" };
    return { runs, ...(twoServers ? { twoServers } : {}), skipped };
  } finally {
    cluster?.stop();
  }
}

const TARGETS = { retrievalP95: { postgres: 20, pglite: 60 }, homeGrowth: 50, importPglite100k: 60_000 } as const;

/** The section's tables, and the problems that fail the run (a page or ranking not whole, the two servers' checks). */
export function catalogReport(result: CatalogResult, quick: boolean): { lines: string[]; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  const say = (line = "") => lines.push(line);
  say(`## 11. A catalog that grows: generated catalogs imported with \`npm run catalog -- import\`, the store's retrieval, pages under \`npm start\` (simulated model)`);
  say("");
  say("| database | products | import | search p50 / p95 (72 queries) | shortlist p50 / p95 | home first byte (median) | search page first byte (median) | server memory |");
  say("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const run of result.runs) {
    const { searches, shortlists } = run.retrieval;
    say(
      `| ${run.database === "pglite" ? "PGlite" : "PostgreSQL"} | ${run.size.toLocaleString("en-US")} | ${(run.importMs / 1000).toFixed(1)} s | ${ms(median(searches))} / ${ms(percentile(searches, 95))} | ${ms(median(shortlists))} / ${ms(percentile(shortlists, 95))} | ${ms(median(run.pages.homeFirstByte))} | ${ms(median(run.pages.searchFirstByte))} | ${run.pages.rssMb.toFixed(0)} MB |`,
    );
    for (const error of run.pages.errors) problems.push(`catalog ${run.size} on ${run.database}: ${error}`);
    if (run.retrieval.matchedNothing > 0) say(`- ${run.database} ${run.size}: ${run.retrieval.matchedNothing} of ${run.retrieval.queries} queries matched nothing`);
  }
  say("");
  say("Targets (DESIGN §7), at the largest size:");
  for (const database of ["postgres", "pglite"] as const) {
    const runs = result.runs.filter((run) => run.database === database);
    const largest = runs.at(-1);
    const smallest = runs[0];
    if (!largest || !smallest) continue;
    const p95 = percentile(largest.retrieval.searches, 95);
    const growth = median(largest.pages.homeFirstByte) - median(smallest.pages.homeFirstByte);
    say(`- ${database}: search p95 ${ms(p95)} at ${largest.size.toLocaleString("en-US")} (target ≤ ${TARGETS.retrievalP95[database]} ms: ${p95 <= TARGETS.retrievalP95[database] ? "met" : "NOT met"}); home first byte ${growth >= 0 ? "+" : "−"}${ms(Math.abs(growth))} from ${smallest.size.toLocaleString("en-US")} (target ≤ +${TARGETS.homeGrowth} ms: ${growth <= TARGETS.homeGrowth ? "met" : "NOT met"})${database === "pglite" ? `; import ${(largest.importMs / 1000).toFixed(1)} s (target ≤ ${TARGETS.importPglite100k / 1000} s at 100,000: ${largest.size < 100_000 ? "not measured" : largest.importMs <= TARGETS.importPglite100k ? "met" : "NOT met"})` : ""}`);
  }
  for (const run of result.runs) say(`- import ${run.database} ${run.size.toLocaleString("en-US")}: ${run.importSummary}`);
  const two = result.twoServers;
  if (two && "skipped" in two) say(`\nTwo servers on one PostgreSQL: skipped (${two.skipped}).`);
  else if (two) {
    say("");
    say("Two `npm start` processes on one PostgreSQL with the largest catalog, requests alternating between them:");
    say("| check | result | target |");
    say("|---|---|---|");
    say(`| rankings whole (every candidate once, ranks 1..n, the done line's counts) | ${two.whole} of ${two.rankings} | all |`);
    say(`| one client's fresh rankings, ${two.budget.perMinute} a minute, all sent at once to both in turn | ${two.budget.sent} sent: ${two.budget.ok} × 200, ${two.budget.refused} × 429 (${two.budget.withRetryAfter} with Retry-After) | at most ${two.budget.perMinute} × 200, the rest 429 with Retry-After |`);
    say(
      "error" in two.cancel
        ? `| a page on A cancelled by a beacon to B | failed: ${two.cancel.error} | the model stopped |`
        : `| a page on A cancelled by a beacon to B | A's page ended ${ms(two.cancel.msToEnd)} after the cancel; ${two.cancel.ranked} model picks (of 24), outcome ${two.cancel.outcome} | the model stopped before its picks |`,
    );
    say(`| errors | ${two.errors.length} | 0 |`);
    for (const error of two.errors) say(`- ${error}`);
    problems.push(...two.errors.map((error) => `two servers: ${error}`));
  }
  for (const reason of result.skipped) say(`- skipped: ${reason}`);
  if (quick) say("\n(quick run: 1,000 products on PGlite only, not for reporting)");
  return { lines, problems };
}
