import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { Browser, StoreError } from "./browser";
import { readInsights, type Insights } from "./insights";
import { loadPopulation, type ShopperCase } from "./population";
import { priceCentsFromPage } from "./prices";
import { compare, type ComparisonRow } from "./compare";
import { expectedOutcome, trueEffects, type Truth } from "./truth";
import { visit, type Served } from "./visit";

// `runSimulation`: a seeded population visits a running store over HTTP, then what the click model says each
// arm truly earns is set beside what the store's /api/insights reports. Bounded: at most `shoppers` visits,
// none started after `maxSeconds`, every request under a deadline, and no request to any other origin.

export interface SimulationOptions {
  url: string;
  shoppers: number;
  seed?: number;
  concurrency?: number;
  maxSeconds?: number;
  /** Admin token for /api/insights; without one the store's figures are not read. */
  token?: string;
  /** Per request, body included (default 30 s). */
  requestTimeoutMs?: number;
  /** The population; default: the eval sets' search cases (simulate/population.ts). */
  cases?: readonly ShopperCase[];
  /** Reads of /api/insights while the store catches up, and the pause between them. */
  insightsAttempts?: number;
  insightsPauseMs?: number;
  onProgress?: (done: number, total: number, label: string) => void;
  /**
   * Bring each browser's id (a uuid drawn from the seed) instead of taking the store's: the store then
   * assigns the same arms on every run, so a test's outcome does not depend on which uuids the server drew.
   */
  seededBrowserIds?: boolean;
}

export interface Failure {
  /** "ranking 429", "click event", … */
  kind: string;
  count: number;
  example: string;
}

export interface SimulationResult {
  url: string;
  seed: number;
  startedAt: string;
  finishedAt: string;
  population: number;
  visits: { planned: number; started: number; failed: number; stoppedByTime: boolean };
  rankings: number;
  clicks: number;
  addedToCart: number;
  orders: number;
  failures: Failure[];
  warnings: string[];
  /** Products in served rankings whose price could not be read (counted as free in the truth). */
  unpriced: string[];
  truth: Truth;
  insights: Insights | null;
  comparison: ComparisonRow[];
  /** At most 1% of visits failed and the store's figures were read (when a token was given). */
  ok: boolean;
}

export class SimulationError extends Error {}

export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const origin = new URL(options.url);
  if (origin.protocol !== "http:" && origin.protocol !== "https:") throw new SimulationError(`--url must be http(s), got ${options.url}`);
  if (!Number.isInteger(options.shoppers) || options.shoppers < 1 || options.shoppers > 100_000) throw new SimulationError("shoppers must be a whole number from 1 to 100000");
  const seed = options.seed ?? 1;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, options.shoppers));
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const cases = options.cases ?? (await loadPopulation());
  if (cases.length === 0) throw new SimulationError("the population is empty: no eval case is a search with a product graded 2 or more");

  // Every shopper's case and own seed, drawn up front from one stream: the same whatever order visits finish in.
  const master = xoroshiro128plus(seed);
  const plans = Array.from({ length: options.shoppers }, () => ({ caseIndex: uniformInt(master, 0, cases.length - 1), seed: uniformInt(master, 0, 0x7fffffff) }));

  const started = new Date();
  const deadline = started.getTime() + (options.maxSeconds ?? 900) * 1000;
  const prices = new Map<string, number>();
  const served: Served[] = [];
  const failures = new Map<string, Failure>();
  const fail = (error: unknown) => {
    const kind = error instanceof StoreError ? `${error.step}${error.status ? ` ${error.status}` : ""}` : "unexpected";
    const failure = failures.get(kind) ?? { kind, count: 0, example: error instanceof Error ? error.message : String(error) };
    failure.count += 1;
    failures.set(kind, failure);
  };
  const counts = { started: 0, done: 0, failed: 0, clicks: 0, added: 0, orders: 0, malformed: 0 };
  const outcomes = new Map<string, number>();

  const worker = async () => {
    while (counts.started < plans.length && Date.now() < deadline) {
      const index = counts.started++;
      const plan = plans[index];
      const shopperCase = plan && cases[plan.caseIndex];
      if (!plan || !shopperCase) break;
      try {
        const report = await visit(shopperCase, xoroshiro128plus(plan.seed), index, {
          origin,
          timeoutMs,
          prices,
          browserId: options.seededBrowserIds ? seededUuid(seed, index) : undefined,
          onServed: (ranking) => {
            served.push(ranking);
            outcomes.set(ranking.outcome, (outcomes.get(ranking.outcome) ?? 0) + 1);
          },
        });
        counts.clicks += report.clicks;
        counts.added += report.addedToCart;
        counts.orders += report.ordered ? 1 : 0;
        counts.malformed += report.malformed;
      } catch (error) {
        counts.failed += 1;
        fail(error);
      }
      counts.done += 1;
      options.onProgress?.(counts.done, plans.length, `${served.length} rankings, ${counts.clicks} clicks, ${counts.orders} orders${counts.failed ? `, ${counts.failed} failed` : ""}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  // The truth needs the price of every product a shopper could have bought: each unpriced one's page, once.
  const unknown = [...new Set(served.flatMap((ranking) => ranking.top))].filter((id) => !prices.has(id));
  const pricing = new Browser(origin, timeoutMs);
  const queue = [...unknown];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const page = await pricing.expect("price page", 200, `/products/${encodeURIComponent(id)}`);
          const cents = priceCentsFromPage(page.text);
          if (cents !== undefined) prices.set(id, cents);
        } catch (error) {
          fail(error);
        }
      }
    }),
  );
  const unpriced = unknown.filter((id) => !prices.has(id)).sort();

  const relevance = new Map(cases.map((shopperCase) => [shopperCase.id, shopperCase.relevance]));
  const truth = trueEffects(served.map((ranking) => ({ caseId: ranking.caseId, arm: ranking.arm, outcome: expectedOutcome(ranking.top, relevance.get(ranking.caseId) ?? {}, (id) => prices.get(id)) })));

  const warnings: string[] = [];
  for (const outcome of ["rate-limited", "over-capacity"]) {
    const n = outcomes.get(outcome) ?? 0;
    if (n > 0) warnings.push(`${n} ranking${n === 1 ? "" : "s"} came back "${outcome}" (the store fell back): raise AISLE_RANKINGS_PER_MINUTE / AISLE_MAX_MODEL_STREAMS for a clean comparison`);
  }
  if (failures.has("ranking 429")) warnings.push("the store answered 429 to rankings: start it with a larger AISLE_RANKINGS_PER_MINUTE (e.g. 100000)");
  if (counts.malformed > 0) warnings.push(`${counts.malformed} malformed NDJSON line${counts.malformed === 1 ? "" : "s"} in rankings were skipped`);
  if (truth.dropped.cases.length > 0) warnings.push(`${truth.dropped.cases.length} case${truth.dropped.cases.length === 1 ? "" : "s"} (${truth.dropped.rankings} rankings) left out of the truth: not served in every arm`);
  if (unpriced.length > 0) warnings.push(`${unpriced.length} product${unpriced.length === 1 ? "" : "s"} without a readable price count as free in the truth: ${unpriced.slice(0, 5).join(", ")}`);

  let insights: Insights | null = null;
  let insightsOk = true;
  if (options.token) {
    try {
      const read = await readInsights(origin, options.token, started, { rankings: served.length, clicks: counts.clicks, orders: counts.orders }, { timeoutMs, attempts: options.insightsAttempts, pauseMs: options.insightsPauseMs });
      insights = read.insights;
      const reported = Object.values(insights.arms).reduce((n, arm) => n + arm.rankings, 0);
      if (reported < served.length) warnings.push(`/api/insights counts ${reported} rankings since the start, the run was served ${served.length}`);
    } catch (error) {
      insightsOk = false;
      fail(error);
    }
  } else {
    warnings.push("no --token (or AISLE_ADMIN_TOKEN): /api/insights was not read, only the truth is shown");
  }

  const visits = { planned: plans.length, started: counts.started, failed: counts.failed, stoppedByTime: counts.started < plans.length };
  return {
    url: origin.href,
    seed,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    population: cases.length,
    visits,
    rankings: served.length,
    clicks: counts.clicks,
    addedToCart: counts.added,
    orders: counts.orders,
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
    warnings,
    unpriced,
    truth,
    insights,
    comparison: compare(truth, insights),
    ok: insightsOk && counts.failed <= 0.01 * Math.max(1, counts.started),
  };
}

/** A version-4-shaped uuid from the seed and the shopper's index. */
function seededUuid(seed: number, index: number): string {
  const hex = createHash("sha256").update(`aisle-simulation:${seed}:${index}`).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
