import { randomUUID } from "node:crypto";
import { PRODUCTS } from "../../lib/catalog/data/products.ts";
import { SHOPPERS } from "../support/ranking-request.ts";
import { startApp } from "./app.ts";
import type { FakeModel } from "./fake-model.ts";
import { type Got, get, sleep } from "./http.ts";
import { candidateIds, pageCards, pageSummary, readNdjson, wholeProblem } from "./rankings.ts";
import { type AbuseSettings, HEALTHY_REASON } from "./settings.ts";

// 1. One client's budget: many fresh rankings from one cookie and one address.

/** Words of the catalog's names, brands, kinds and tags that match at least two products, most matches first. */
async function catalogWords(): Promise<string[]> {
  const words = new Set<string>();
  for (const product of PRODUCTS) {
    for (const word of [product.name, product.brand, product.kind, ...product.tags].join(" ").toLowerCase().match(/[a-z]{4,}/g) ?? []) words.add(word);
  }
  const counted: { word: string; matches: number }[] = [];
  for (const word of words) counted.push({ word, matches: (await candidateIds(word)).length });
  return counted
    .filter((entry) => entry.matches >= 2)
    .sort((a, b) => b.matches - a.matches || a.word.localeCompare(b.word))
    .map((entry) => entry.word);
}

/** `count` distinct (shopper, q) pairs: the shoppers in turn, each with the next word. */
async function distinctQueries(count: number): Promise<{ shopper: string; q: string }[]> {
  const words = await catalogWords();
  if (words.length * SHOPPERS.length < count) throw new Error(`only ${words.length * SHOPPERS.length} distinct (shopper, word) pairs for ${count} requests`);
  return Array.from({ length: count }, (_, i) => ({ shopper: SHOPPERS[i % SHOPPERS.length]?.id as string, q: words[Math.floor(i / SHOPPERS.length)] as string }));
}

/**
 * After the budget is spent: fresh rankings from the same socket, each with a cookie never seen and headers a
 * client may forge. No proxy is trusted (AISLE_TRUSTED_PROXIES unset), so none may make a fresh budget.
 */
export const DODGES: readonly { label: string; headers: Record<string, string> }[] = [
  { label: "a new cookie", headers: {} },
  { label: "a new cookie, a spoofed X-Forwarded-For", headers: { "x-forwarded-for": "198.51.100.7" } },
  { label: "a new cookie, a spoofed x-aisle-peer", headers: { "x-aisle-peer": "198.51.100.8" } },
  {
    label: "a new cookie, X-Forwarded-For, x-aisle-peer and X-Real-IP all spoofed",
    headers: { "x-forwarded-for": "198.51.100.9, 198.51.100.10", "x-aisle-peer": "198.51.100.9", "x-real-ip": "198.51.100.9" },
  },
];

export interface Dodge {
  label: string;
  status: number;
  /** The Retry-After header, if the answer had one. */
  retryAfter?: string;
  error?: string;
}

export interface BudgetResult {
  requests: number;
  distinctQueries: number;
  words: number;
  /** ms from the first request sent to the last sent, and the window asked for. */
  spanMs: number;
  windowMs: number;
  concurrency: number;
  perMinute: number;
  statuses: Record<string, number>;
  /** 429s that carried a Retry-After header. */
  retryAfter: number;
  retryAfterSeconds: number[];
  modelRequests: number;
  /** 200s with every candidate exactly once, ranks 1..n and a done line. */
  whole: number;
  replays: number;
  outcomes: Record<string, number>;
  notWhole: string[];
  /** The same address past its budget, with a fresh cookie and forged headers each (DODGES): each should be a 429. */
  dodges: Dodge[];
  /** Model requests the fake server received for the dodges. */
  dodgeModelRequests: number;
  page: {
    status: number;
    cards: number;
    candidates: number;
    whole: boolean;
    problem?: string;
    outcome: string;
    /** Model requests the fake server received for the page load. */
    modelRequests: number;
    ms: number;
  };
}

export async function measureBudget(port: number, fake: FakeModel, settings: AbuseSettings["budget"]): Promise<BudgetResult> {
  // A fast model: this part counts calls, it does not time them.
  await fake.setScenario({ kind: "rank", reason: HEALTHY_REASON, firstDelayMs: 20, chunkSize: 64, gapMs: 2 });
  const server = await startApp(port, fake, { AISLE_RANKINGS_PER_MINUTE: String(settings.perMinute) });
  try {
    await fake.reset();
    // One browser (its cookie) at one address (the socket's, 127.0.0.1: AISLE_TRUSTED_PROXIES unset).
    const cookie = `aisle-browser=${randomUUID()}`;
    const asked = await distinctQueries(settings.requests + DODGES.length);
    const queries = asked.slice(0, settings.requests);
    const inFlight = new Set<Promise<void>>();
    const results: { got: Got; query: (typeof queries)[number] }[] = [];
    const sent: number[] = [];
    const started = performance.now();
    for (const [i, query] of queries.entries()) {
      await sleep(started + (i * settings.windowMs) / settings.requests - performance.now());
      while (inFlight.size >= settings.concurrency) await Promise.race(inFlight);
      sent.push(performance.now());
      const url = `${server.url}/api/rankings?shopper=${encodeURIComponent(query.shopper)}&q=${encodeURIComponent(query.q)}`;
      const pending: Promise<void> = get(url, { cookie }, 60_000).then((got) => {
        results.push({ got, query });
        inFlight.delete(pending);
      });
      inFlight.add(pending);
    }
    await Promise.all(inFlight);
    const statuses: Record<string, number> = {};
    const outcomes: Record<string, number> = {};
    const notWhole: string[] = [];
    const retryAfterSeconds: number[] = [];
    let whole = 0;
    let replays = 0;
    let retryAfter = 0;
    for (const { got, query } of results) {
      const key = got.error ? `error: ${got.error}` : String(got.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (got.status === 429) {
        const header = got.headers["retry-after"];
        if (header !== undefined) {
          retryAfter++;
          retryAfterSeconds.push(Number(header));
        }
      }
      if (got.status !== 200) continue;
      const parsed = readNdjson(got);
      if (parsed.summary) {
        outcomes[parsed.summary.outcome] = (outcomes[parsed.summary.outcome] ?? 0) + 1;
        if (parsed.summary.replay) replays++;
      }
      const problem = parsed.bad ?? wholeProblem(parsed.items, parsed.summary, await candidateIds(query.q));
      if (problem) notWhole.push(`shopper ${query.shopper}, q "${query.q}": ${problem}`);
      else whole++;
    }
    const modelRequests = (await fake.stats()).requests;

    // The same address, now past its budget, tries to pass as another client: one at a time, fresh rankings.
    const dodges: Dodge[] = [];
    for (const [i, dodge] of DODGES.entries()) {
      const query = asked[settings.requests + i] as (typeof asked)[number];
      const url = `${server.url}/api/rankings?shopper=${encodeURIComponent(query.shopper)}&q=${encodeURIComponent(query.q)}`;
      const got = await get(url, { ...dodge.headers, cookie: `aisle-browser=${randomUUID()}` }, 60_000);
      const retryAfter = got.headers["retry-after"];
      dodges.push({ label: dodge.label, status: got.status, ...(typeof retryAfter === "string" ? { retryAfter } : {}), ...(got.error ? { error: got.error } : {}) });
    }
    const afterDodges = (await fake.stats()).requests;

    // The same client loads the page past its budget: a query it has not asked (no q), so no stored ranking.
    const pageGot = await get(`${server.url}/?shopper=12345`, { cookie, accept: "text/html" }, 60_000);
    const cards = pageCards(pageGot.body);
    const summary = pageSummary(pageGot.body);
    const candidates = await candidateIds();
    const pageProblem = pageGot.status !== 200 ? `status ${pageGot.status}${pageGot.error ? ` (${pageGot.error})` : ""}` : wholeProblem(cards, summary, candidates);
    const afterPage = (await fake.stats()).requests;
    return {
      requests: settings.requests,
      distinctQueries: new Set(queries.map((query) => `${query.shopper} ${query.q}`)).size,
      words: new Set(queries.map((query) => query.q)).size,
      spanMs: (sent.at(-1) ?? started) - (sent[0] ?? started),
      windowMs: settings.windowMs,
      concurrency: settings.concurrency,
      perMinute: settings.perMinute,
      statuses,
      retryAfter,
      retryAfterSeconds,
      modelRequests,
      whole,
      replays,
      outcomes,
      notWhole,
      dodges,
      dodgeModelRequests: afterDodges - modelRequests,
      page: {
        status: pageGot.status,
        cards: cards.length,
        candidates: candidates.length,
        whole: pageProblem === undefined,
        ...(pageProblem ? { problem: pageProblem } : {}),
        outcome: summary?.outcome ?? "no summary found",
        modelRequests: afterPage - afterDodges,
        ms: pageGot.endAt - pageGot.sentAt,
      },
    };
  } finally {
    await server.stop();
  }
}
