import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import os from "node:os";
import { PRODUCTS } from "../lib/catalog/data/products.ts";
import { searchCatalog } from "../lib/eval/candidates.ts";
import type { PlainScenario, RecordedRequest, Scenario } from "../tests/support/fake-openai-server.ts";
import { SHOPPERS } from "./support/ranking-request.ts";
import { HEALTH } from "./first-request.ts";
import { portInUse, spawnNext, waitForOk, type NextProcess } from "./support/next-process.ts";
import { median, ms, percentile, ratio } from "./support/stats.ts";

// Budget, cap and hostile models (docs/architecture.md §13): one `next start` per part, with the `openai`
// provider pointed at the local fake OpenAI server (tests/support/fake-openai-server.ts) run in a process of
// its own, so its pace is not disturbed by the bench's clients, and asked over its control endpoints.
// Every request goes to 127.0.0.1; every loop is bounded in count and in time.
//
// 1. One client (one browser cookie, one address) asks for many fresh rankings: its budget
//    (AISLE_RANKINGS_PER_MINUTE) holds, every 200 is whole, and its page past the budget is whole with no model call.
// 2. Many clients (distinct X-Forwarded-For, AISLE_TRUSTED_PROXIES=1) load the page at once: the cap
//    (AISLE_MAX_MODEL_STREAMS) holds at the model server, every page is whole.
// 3. Many rankings at once, one model stream in ten hostile: every ranking is whole and exactly once, and the
//    healthy streams keep the model's pace.

export interface AbuseSettings {
  /** Part 1: fresh rankings one client asks for, evenly over `windowMs`, at most `concurrency` at once. */
  budget: { requests: number; windowMs: number; concurrency: number; perMinute: number };
  /** Part 2: page loads at once, each from its own address. */
  cap: { pages: number; maxStreams: number };
  /** Part 3: rankings at once, every `every`-th model request hostile. */
  hostile: { rankings: number; every: number };
}

export const ABUSE_FULL: AbuseSettings = {
  budget: { requests: 300, windowMs: 10_000, concurrency: 16, perMinute: 20 },
  cap: { pages: 300, maxStreams: 32 },
  hostile: { rankings: 200, every: 10 },
};

export const ABUSE_QUICK: AbuseSettings = {
  budget: { requests: 40, windowMs: 3_000, concurrency: 8, perMinute: 20 },
  cap: { pages: 40, maxStreams: 32 },
  hostile: { rankings: 40, every: 10 },
};

/** The model's pace in parts 2 and 3: its first token after 600 ms, then one ~49-character element every ~100 ms. */
const MODEL_PACE = { firstTokenMs: 600, chunkChars: 12, chunkGapMs: 25 };
const HEALTHY_REASON = "Picked for the bench run.";
/** Deadlines of part 3, short so hostile streams end within the run. */
const HOSTILE_DEADLINES = { stallMs: 2_000, firstItemMs: 3_000 };
/** A rate no client reaches (the configuration's maximum): parts 2 and 3 measure the cap and the pipeline, not the budget. */
const NO_BUDGET = "100000";

// ---------------------------------------------------------------------------------------------------------
// The fake model, in its own process
// ---------------------------------------------------------------------------------------------------------

interface FakeStats {
  requests: number;
  openResponses: number;
  peakOpenResponses: number;
}

interface FakeModel {
  /** Base URL ending in /v1. */
  url: string;
  setScenario(scenario: Scenario): Promise<void>;
  reset(): Promise<void>;
  stats(): Promise<FakeStats>;
  requests(): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
}

async function startFakeModel(port: number): Promise<FakeModel> {
  if (await portInUse(port)) throw new Error(`port ${port} is already in use: stop what listens there and run the bench again`);
  const child: ChildProcess = spawn(process.execPath, ["tests/support/fake-openai-server.ts", "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the fake OpenAI server did not start in 10 s")), 10_000);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (data: string) => {
      if (data.includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error("the fake OpenAI server exited at start")));
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    if (!response.ok) throw new Error(`fake OpenAI server ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url: `${base}/v1`,
    async setScenario(scenario) {
      await call("/__scenario", { method: "POST", body: JSON.stringify(scenario) });
    },
    async reset() {
      await call("/__reset", { method: "POST" });
    },
    stats: () => call("/__stats") as Promise<FakeStats>,
    requests: () => call("/__requests") as Promise<RecordedRequest[]>,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTTP: one GET on its own connection, read to its end, each line timed
// ---------------------------------------------------------------------------------------------------------

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** performance.now() when each complete line arrived (NDJSON). */
  lineTimes: number[];
  sentAt: number;
  endAt: number;
  /** A transport failure or a timeout; the status is 0 then. */
  error?: string;
}

function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Got> {
  return new Promise((resolve) => {
    const sentAt = performance.now();
    let settled = false;
    const finish = (got: Omit<Got, "sentAt" | "endAt">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...got, sentAt, endAt: performance.now() });
    };
    const request = httpRequest(url, { agent: false, headers }, (response) => {
      const parts: string[] = [];
      const lineTimes: number[] = [];
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const now = performance.now();
        parts.push(chunk);
        for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) lineTimes.push(now);
      });
      response.on("end", () => finish({ status: response.statusCode ?? 0, headers: response.headers, body: parts.join(""), lineTimes }));
      response.on("error", (error) => finish({ status: 0, headers: {}, body: parts.join(""), lineTimes, error: String(error) }));
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ status: 0, headers: {}, body: "", lineTimes: [], error: `no end in ${timeoutMs} ms` });
    }, timeoutMs);
    request.on("error", (error) => finish({ status: 0, headers: {}, body: "", lineTimes: [], error: String(error) }));
    request.end();
  });
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, msToWait)));

// ---------------------------------------------------------------------------------------------------------
// What a ranking should hold
// ---------------------------------------------------------------------------------------------------------

/** The candidates of a query, as the storefront selects them (lib/eval/candidates.ts, held equal to the database's by a test). */
function candidateIds(q?: string, category?: string): string[] {
  return searchCatalog(PRODUCTS, { q, category }).map((product) => product.id);
}

interface Item {
  rank: number;
  id: string;
  reason: string;
  source: "model" | "fallback";
}

interface Summary {
  outcome: string;
  ranked: number;
  fallback: number;
  rejected: number;
  replay: boolean;
  totalMs: number;
  detail?: string;
}

/** Why a ranking is not whole (every candidate exactly once, ranks 1..n, the summary's counts), or undefined. */
function wholeProblem(items: readonly { rank: number; id: string }[], summary: Summary | undefined, candidates: readonly string[]): string | undefined {
  if (!summary) return "no done line";
  const ids = items.map((item) => item.id);
  const unique = new Set(ids);
  if (unique.size !== ids.length) return `${ids.length - unique.size} product(s) twice`;
  const missing = candidates.filter((id) => !unique.has(id));
  if (missing.length > 0) return `missing ${missing.length} candidate(s): ${missing.slice(0, 5).join(", ")}`;
  const extra = ids.filter((id) => !candidates.includes(id));
  if (extra.length > 0) return `not candidates: ${extra.slice(0, 5).join(", ")}`;
  if (items.some((item, i) => item.rank !== i + 1)) return "ranks are not 1..n in order";
  if (summary.ranked + summary.fallback !== items.length) return `done line says ${summary.ranked} + ${summary.fallback}, ${items.length} items came`;
  return undefined;
}

interface Ndjson {
  items: (Item & { at: number })[];
  summary?: Summary;
  bad?: string;
}

function readNdjson(got: Got): Ndjson {
  const lines = got.body.split("\n");
  const items: Ndjson["items"] = [];
  let summary: Summary | undefined;
  try {
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const value = JSON.parse(line) as { type: string } & Item & Summary;
      if (value.type === "item") items.push({ rank: value.rank, id: value.id, reason: value.reason, source: value.source, at: got.lineTimes[i] ?? Number.NaN });
      else if (value.type === "done") summary = value;
    });
  } catch (error) {
    return { items, summary, bad: `not NDJSON: ${String(error).slice(0, 100)}` };
  }
  return { items, summary };
}

/** The cards an HTML page holds (an early card's markup sits in a <noscript>; a replay's in the grid). */
function pageCards(html: string): { id: string; rank: number; source: string }[] {
  return [...html.matchAll(/data-testid="ranked-card" data-product-id="([^"]+)" data-rank="(\d+)" data-source="(model|fallback)"/g)].map((match) => ({
    id: match[1] as string,
    rank: Number(match[2]),
    source: match[3] as string,
  }));
}

/**
 * The ranking's done summary, from the page's RSC payload (the `self.__next_f.push([1, "…"])` scripts): a live
 * ranking's last grid entry, or a replayed ranking's, which the page renders whole.
 */
function pageSummary(html: string): Summary | undefined {
  let payload = "";
  for (const match of html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    try {
      const pushed = JSON.parse(match[1] as string) as unknown[];
      if (typeof pushed[1] === "string") payload += pushed[1];
    } catch {
      // not a payload chunk
    }
  }
  // The summary is flat but for `usage` (an object or null).
  const found = /\{"type":"done","ranked":[^{}]*(?:\{[^{}]*\}[^{}]*)?\}/.exec(payload);
  if (!found) return undefined;
  try {
    return JSON.parse(found[0]) as Summary;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------------------------------------

async function startApp(port: number, fake: FakeModel, env: Record<string, string>): Promise<NextProcess> {
  const server = await spawnNext({
    command: "start",
    port,
    env: {
      AISLE_PROVIDER: "openai",
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: fake.url,
      OPENAI_MODEL: "bench-model",
      // A fresh in-memory database per part: nothing is a replay of another part's ranking, no budget carries over.
      AISLE_DATA_DIR: "memory://",
      ...env,
    },
  });
  try {
    // Ready: its database open and its routes warmed once (no model call), as a load balancer would wait.
    await waitForOk(server, HEALTH, 60_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The server's own log lines that say something went wrong (not the per-ranking warnings hostile models cause). */
function serverErrors(server: NextProcess): string[] {
  return server.lines
    .map((line) => line.text)
    .filter((text) => /error|unhandled|exception|⨯/i.test(text) && !/"event":"(element-rejected|model-ended-early)"/.test(text))
    .slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// 1. One client's budget
// ---------------------------------------------------------------------------------------------------------

/** Words of the catalog's names, brands, kinds and tags that match at least two products, most matches first. */
function catalogWords(): string[] {
  const words = new Set<string>();
  for (const product of PRODUCTS) {
    for (const word of [product.name, product.brand, product.kind, ...product.tags].join(" ").toLowerCase().match(/[a-z]{4,}/g) ?? []) words.add(word);
  }
  return [...words]
    .map((word) => ({ word, matches: candidateIds(word).length }))
    .filter((entry) => entry.matches >= 2)
    .sort((a, b) => b.matches - a.matches || a.word.localeCompare(b.word))
    .map((entry) => entry.word);
}

/** `count` distinct (shopper, q) pairs: the shoppers in turn, each with the next word. */
function distinctQueries(count: number): { shopper: string; q: string }[] {
  const words = catalogWords();
  if (words.length * SHOPPERS.length < count) throw new Error(`only ${words.length * SHOPPERS.length} distinct (shopper, word) pairs for ${count} requests`);
  return Array.from({ length: count }, (_, i) => ({ shopper: SHOPPERS[i % SHOPPERS.length]?.id as string, q: words[Math.floor(i / SHOPPERS.length)] as string }));
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

async function measureBudget(port: number, fake: FakeModel, settings: AbuseSettings["budget"]): Promise<BudgetResult> {
  // A fast model: this part counts calls, it does not time them.
  await fake.setScenario({ kind: "rank", reason: HEALTHY_REASON, firstDelayMs: 20, chunkSize: 64, gapMs: 2 });
  const server = await startApp(port, fake, { AISLE_RANKINGS_PER_MINUTE: String(settings.perMinute) });
  try {
    await fake.reset();
    // One browser (its cookie) at one address (the socket's, 127.0.0.1: AISLE_TRUSTED_PROXIES unset).
    const cookie = `aisle-browser=${randomUUID()}`;
    const queries = distinctQueries(settings.requests);
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
      const problem = parsed.bad ?? wholeProblem(parsed.items, parsed.summary, candidateIds(query.q));
      if (problem) notWhole.push(`shopper ${query.shopper}, q "${query.q}": ${problem}`);
      else whole++;
    }
    const modelRequests = (await fake.stats()).requests;

    // The same client loads the page past its budget: a query it has not asked (no q), so no stored ranking.
    const pageGot = await get(`${server.url}/?shopper=12345`, { cookie, accept: "text/html" }, 60_000);
    const cards = pageCards(pageGot.body);
    const summary = pageSummary(pageGot.body);
    const candidates = candidateIds();
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
      page: {
        status: pageGot.status,
        cards: cards.length,
        candidates: candidates.length,
        whole: pageProblem === undefined,
        ...(pageProblem ? { problem: pageProblem } : {}),
        outcome: summary?.outcome ?? "no summary found",
        modelRequests: afterPage - modelRequests,
        ms: pageGot.endAt - pageGot.sentAt,
      },
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 2. Many addresses, one process's cap
// ---------------------------------------------------------------------------------------------------------

export interface CapResult {
  pages: number;
  maxStreams: number;
  /** Most chat completion responses open at once at the fake server. */
  peakOpen: number;
  modelRequests: number;
  /** Model requests the app closed before the model finished (stopped after the picks, or a client gone). */
  modelAborted: number;
  errors: number;
  errorSamples: string[];
  outcomes: Record<string, number>;
  wholePages: number;
  pageMs: { p50: number; p95: number; max: number };
  wallMs: number;
  serverErrors: string[];
}

/** A healthy model at MODEL_PACE: one ~49-character element every ~100 ms. */
function healthyModel(): PlainScenario {
  return {
    kind: "rank",
    reason: HEALTHY_REASON,
    firstDelayMs: MODEL_PACE.firstTokenMs,
    chunkSize: MODEL_PACE.chunkChars,
    gapMs: MODEL_PACE.chunkGapMs,
  };
}

/** A distinct documentation-range address per client (198.18.0.0/15, RFC 2544). */
function address(i: number): string {
  return `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

async function measureCap(port: number, fake: FakeModel, settings: AbuseSettings["cap"]): Promise<CapResult> {
  await fake.setScenario(healthyModel());
  const server = await startApp(port, fake, {
    AISLE_MAX_MODEL_STREAMS: String(settings.maxStreams),
    AISLE_RANKINGS_PER_MINUTE: NO_BUDGET,
    AISLE_TRUSTED_PROXIES: "1",
  });
  try {
    await fake.reset();
    const candidates = candidateIds();
    const started = performance.now();
    const pages = await Promise.all(
      Array.from({ length: settings.pages }, (_, i) =>
        get(`${server.url}/?shopper=${encodeURIComponent(SHOPPERS[i % SHOPPERS.length]?.id as string)}`, { "x-forwarded-for": address(i), accept: "text/html" }, 180_000),
      ),
    );
    const wallMs = performance.now() - started;
    // Let the last model responses close (the app stops each one a moment after its picks).
    const deadline = performance.now() + 10_000;
    while ((await fake.stats()).openResponses > 0 && performance.now() < deadline) await sleep(100);
    const stats = await fake.stats();
    const requests = await fake.requests();
    const outcomes: Record<string, number> = {};
    const errorSamples: string[] = [];
    let errors = 0;
    let wholePages = 0;
    pages.forEach((got, i) => {
      const summary = got.status === 200 ? pageSummary(got.body) : undefined;
      const problem =
        got.status !== 200 ? `status ${got.status}${got.error ? ` (${got.error})` : ""}` : wholeProblem(pageCards(got.body), summary, candidates);
      if (summary) {
        const outcome = summary.replay ? `${summary.outcome} (replayed)` : summary.outcome;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      if (problem) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`page ${i} (${address(i)}): ${problem}`);
      } else wholePages++;
    });
    const durations = pages.map((got) => got.endAt - got.sentAt);
    return {
      pages: settings.pages,
      maxStreams: settings.maxStreams,
      peakOpen: stats.peakOpenResponses,
      modelRequests: stats.requests,
      modelAborted: requests.filter((request) => request.aborted).length,
      errors,
      errorSamples,
      outcomes,
      wholePages,
      pageMs: { p50: percentile(durations, 50), p95: percentile(durations, 95), max: Math.max(...durations) },
      wallMs,
      serverErrors: serverErrors(server),
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// 3. Hostile model streams among healthy ones
// ---------------------------------------------------------------------------------------------------------

const HOSTILE_KINDS = ["garbage", "stall", "http-500", "invented-id"] as const;
type Kind = (typeof HOSTILE_KINDS)[number] | "healthy";

/** Each hostile stream marks its reasons (or its error) with its kind, so the ranking it fed says which it was. */
const tag = (kind: Kind) => `hostile:${kind}`;

/** The hostile answers, in HOSTILE_KINDS' order; every `every`-th model request gets the next in turn. */
function hostileModels(): PlainScenario[] {
  const paced = { firstDelayMs: MODEL_PACE.firstTokenMs, gapMs: MODEL_PACE.chunkGapMs };
  // Garbage: a valid first element, then text that is no JSON at all (braces, brackets, a control character).
  const garbage = `{"products":[{"id":"1","reason":"${tag("garbage")}"},I apologise, as a language model I cannot {{ rank ]] these "products :: \\u0000 ### {"id": 2, reason: nope}}]]`;
  return [
    { kind: "stream", chunks: Array.from({ length: Math.ceil(garbage.length / MODEL_PACE.chunkChars) }, (_, i) => garbage.slice(i * MODEL_PACE.chunkChars, (i + 1) * MODEL_PACE.chunkChars)), ...paced },
    // A stall: three elements or so, then no byte more, the connection left open; the app's stall deadline must end it.
    { kind: "rank", reason: tag("stall"), chunkSize: MODEL_PACE.chunkChars, stallAfter: 12, ...paced },
    // The model's server fails every attempt (the SDK's one retry too).
    { kind: "status", status: 500, body: { error: { message: `${tag("http-500")}: the model server failed`, type: "server_error", param: null, code: "server_error" } } },
    // An id that is no candidate, among valid ones.
    { kind: "rank", reason: tag("invented-id"), chunkSize: MODEL_PACE.chunkChars, inventedIds: ["9999"], inventedAt: 3, ...paced },
  ];
}

interface KindRow {
  kind: Kind;
  /** Model requests the fake server answered this way (an SDK retry counts). */
  modelRequests: number;
  rankings: number;
  outcomes: Record<string, number>;
  /** Median model items per ranking, and all elements rejected. */
  modelItems: number;
  rejected: number;
  whole: number;
  /** Median of the done line's totalMs. */
  totalMs: number;
}

export interface HostileResult {
  rankings: number;
  every: number;
  errors: number;
  errorSamples: string[];
  /** Rankings with every candidate exactly once, ranks 1..n, a done line whose counts add up. */
  whole: number;
  replays: number;
  kinds: KindRow[];
  /** Stalled model requests: aborted by the app, and how long after the stream's last byte. */
  stall: { requests: number; aborted: number; closedAfterLastByteMs: number[] };
  /** Healthy streams: inter-item gaps of the model's items at the client, and of the model's own element closes. */
  gaps: { clientP50: number; clientP95: number; modelP50: number; modelP95: number; samples: number; streams: number };
  firstLine: { p50: number; p95: number };
  peakOpen: number;
  wallMs: number;
  serverErrors: string[];
}

function kindOf(parsed: Ndjson): Kind {
  const text = [...parsed.items.filter((item) => item.source === "model").map((item) => item.reason), parsed.summary?.detail ?? ""].join(" ");
  return HOSTILE_KINDS.find((kind) => text.includes(tag(kind))) ?? "healthy";
}

async function measureHostile(port: number, fake: FakeModel, settings: AbuseSettings["hostile"]): Promise<HostileResult> {
  const server = await startApp(port, fake, {
    // Every ranking gets a model stream (the cap is part 2's), and no budget is spent.
    AISLE_MAX_MODEL_STREAMS: String(Math.max(256, settings.rankings)),
    AISLE_RANKINGS_PER_MINUTE: NO_BUDGET,
    AISLE_STALL_TIMEOUT_MS: String(HOSTILE_DEADLINES.stallMs),
    AISLE_FIRST_ITEM_TIMEOUT_MS: String(HOSTILE_DEADLINES.firstItemMs),
    // The model ranks every candidate: a healthy stream is one element per item at the model's pace.
    AISLE_MODEL_PICKS: "all",
  });
  try {
    await fake.setScenario({ kind: "mixed", healthy: healthyModel(), every: settings.every, hostile: hostileModels() });
    await fake.reset();
    const candidates = candidateIds();
    const started = performance.now();
    // The six shoppers in turn over the whole catalog; all sent at once, so none can replay another (a
    // ranking is stored when its model finishes, seconds later). Checked below all the same.
    const gots = await Promise.all(
      Array.from({ length: settings.rankings }, (_, i) => get(`${server.url}/api/rankings?shopper=${encodeURIComponent(SHOPPERS[i % SHOPPERS.length]?.id as string)}`, {}, 120_000)),
    );
    const wallMs = performance.now() - started;
    const deadline = performance.now() + 10_000;
    while ((await fake.stats()).openResponses > 0 && performance.now() < deadline) await sleep(100);
    const stats = await fake.stats();
    const requests = await fake.requests();

    const rows = new Map<Kind, { rankings: number; outcomes: Record<string, number>; items: number[]; rejected: number; whole: number; totalMs: number[] }>();
    const row = (kind: Kind) => {
      let found = rows.get(kind);
      if (!found) rows.set(kind, (found = { rankings: 0, outcomes: {}, items: [], rejected: 0, whole: 0, totalMs: [] }));
      return found;
    };
    const errorSamples: string[] = [];
    const clientGaps: number[] = [];
    const firstLines: number[] = [];
    let errors = 0;
    let whole = 0;
    let replays = 0;
    let healthyStreams = 0;
    gots.forEach((got, i) => {
      const parsed = got.status === 200 ? readNdjson(got) : undefined;
      const problem = !parsed ? `status ${got.status}${got.error ? ` (${got.error})` : ""}` : (parsed.bad ?? wholeProblem(parsed.items, parsed.summary, candidates));
      if (problem) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`ranking ${i}: ${problem}`);
      } else whole++;
      if (!parsed) return;
      const kind = kindOf(parsed);
      const entry = row(kind);
      entry.rankings++;
      if (!problem) entry.whole++;
      if (parsed.summary) {
        entry.outcomes[parsed.summary.outcome] = (entry.outcomes[parsed.summary.outcome] ?? 0) + 1;
        entry.rejected += parsed.summary.rejected;
        entry.totalMs.push(parsed.summary.totalMs);
        if (parsed.summary.replay) replays++;
      }
      const model = parsed.items.filter((item) => item.source === "model");
      entry.items.push(model.length);
      if (parsed.items[0]) firstLines.push(parsed.items[0].at - got.sentAt);
      if (kind === "healthy" && parsed.summary?.outcome === "complete" && !parsed.summary.replay) {
        healthyStreams++;
        for (let k = 1; k < model.length; k++) clientGaps.push((model[k]?.at as number) - (model[k - 1]?.at as number));
      }
    });

    const modelGaps = requests
      .filter((request) => request.hostileIndex === null)
      .flatMap((request) => request.elementCloseTimes.slice(1).map((time, k) => time - (request.elementCloseTimes[k] as number)));
    const stalled = requests.filter((request) => request.hostileIndex === HOSTILE_KINDS.indexOf("stall"));
    const kinds: KindRow[] = (["healthy", ...HOSTILE_KINDS] as const).map((kind) => {
      const entry = row(kind);
      return {
        kind,
        modelRequests: requests.filter((request) => (kind === "healthy" ? request.hostileIndex === null : request.hostileIndex === HOSTILE_KINDS.indexOf(kind))).length,
        rankings: entry.rankings,
        outcomes: entry.outcomes,
        modelItems: median(entry.items),
        rejected: entry.rejected,
        whole: entry.whole,
        totalMs: median(entry.totalMs),
      };
    });
    return {
      rankings: settings.rankings,
      every: settings.every,
      errors,
      errorSamples,
      whole,
      replays,
      kinds,
      stall: {
        requests: stalled.length,
        aborted: stalled.filter((request) => request.aborted).length,
        closedAfterLastByteMs: stalled.map((request) => (request.closedAt ?? Number.NaN) - (request.chunkTimes.at(-1) ?? Number.NaN)),
      },
      gaps: {
        clientP50: percentile(clientGaps, 50),
        clientP95: percentile(clientGaps, 95),
        modelP50: percentile(modelGaps, 50),
        modelP95: percentile(modelGaps, 95),
        samples: clientGaps.length,
        streams: healthyStreams,
      },
      firstLine: { p50: percentile(firstLines, 50), p95: percentile(firstLines, 95) },
      peakOpen: stats.peakOpenResponses,
      wallMs,
      serverErrors: serverErrors(server),
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The section
// ---------------------------------------------------------------------------------------------------------

export interface AbuseResult {
  machine: { cpus: number; cpu: string; memGiB: number; node: string; platform: string };
  settings: AbuseSettings;
  budget: BudgetResult;
  cap: CapResult;
  hostile: HostileResult;
}

export async function measureAbuse(ports: { app: number; model: number }, settings: AbuseSettings): Promise<AbuseResult> {
  const fake = await startFakeModel(ports.model);
  try {
    const budget = await measureBudget(ports.app, fake, settings.budget);
    const cap = await measureCap(ports.app, fake, settings.cap);
    const hostile = await measureHostile(ports.app, fake, settings.hostile);
    return {
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` },
      settings,
      budget,
      cap,
      hostile,
    };
  } finally {
    await fake.stop();
  }
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ${count}`)
    .join(", ") || "—";
const met = (ok: boolean) => (ok ? "met" : "**NOT met**");

/** The section's lines for the report, and the problems that fail the run (a ranking or page not whole, an error). */
export function abuseReport(result: AbuseResult, quick: boolean): { lines: string[]; problems: string[] } {
  const { budget, cap, hostile, machine } = result;
  const lines: string[] = [];
  const problems: string[] = [];
  const say = (line = "") => lines.push(line);
  const ok200 = budget.statuses["200"] ?? 0;
  const got429 = budget.statuses["429"] ?? 0;

  say(`## 10. Budget, cap and hostile models (${quick ? "quick settings" : "full settings"}; one \`next start\` per part, \`openai\` provider → the local fake OpenAI server in its own process, in-memory database)`);
  say(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memGiB} GiB, ${machine.platform}, Node ${machine.node}; the app, the fake model and the bench's clients share these cores.`);
  say();
  say(
    `(a) One client, ${budget.requests} fresh rankings in ${(budget.windowMs / 1000).toFixed(0)} s: one \`aisle-browser\` cookie, one address (the socket's, 127.0.0.1), \`GET /api/rankings\` over ${budget.distinctQueries} distinct (shopper, q) pairs (the six shoppers × ${budget.words} catalog words; nothing a replay), sent evenly (${ms(budget.spanMs)} first to last), at most ${budget.concurrency} at once; AISLE_RANKINGS_PER_MINUTE=${budget.perMinute}, a fast fake model.`,
  );
  say("| measure | result | target |");
  say("|---|---:|---|");
  say(`| requests → statuses | ${budget.requests} → ${counts(budget.statuses)} | ${budget.perMinute} × 200, the rest 429 |`);
  say(`| 429s with Retry-After | ${budget.retryAfter} of ${got429}${budget.retryAfterSeconds.length ? ` (${Math.min(...budget.retryAfterSeconds)}–${Math.max(...budget.retryAfterSeconds)} s)` : ""} | all |`);
  say(`| model requests the fake server received | ${budget.modelRequests} | ≤ ${budget.perMinute}: ${met(budget.modelRequests <= budget.perMinute)} |`);
  say(`| 200s whole (every candidate once, ranks 1..n, a done line) | ${budget.whole} of ${ok200} (outcomes: ${counts(budget.outcomes)}; replays ${budget.replays}) | all |`);
  say(
    `| the same client's page \`/?shopper=12345\` past its budget (plain GET, read to its end) | ${budget.page.status}, ${budget.page.cards} of ${budget.page.candidates} cards${budget.page.whole ? " (each candidate once)" : ` — ${budget.page.problem}`}, outcome \`${budget.page.outcome}\`, ${budget.page.modelRequests} model requests, ${ms(budget.page.ms)} | every card, \`rate-limited\`, 0 model requests: ${met(budget.page.whole && budget.page.outcome === "rate-limited" && budget.page.modelRequests === 0)} |`,
  );
  say("Cards are counted as `data-testid=\"ranked-card\"` in the HTML (the early cards' `<noscript>` markup); the outcome is the done summary in the page's RSC payload.");
  for (const line of budget.notWhole.slice(0, 5)) say(`- not whole: ${line}`);

  say();
  say(
    `(b) ${cap.pages} page loads at once from ${cap.pages} addresses: \`GET /?shopper=<the six in turn>\`, a distinct X-Forwarded-For each (AISLE_TRUSTED_PROXIES=1), AISLE_MAX_MODEL_STREAMS=${cap.maxStreams}, AISLE_RANKINGS_PER_MINUTE=${NO_BUDGET}, default picks (24); the fake model at ${MODEL_PACE.firstTokenMs} ms to first token, an element every ~100 ms.`,
  );
  say("| measure | result | target |");
  say("|---|---:|---|");
  say(`| most model requests open at once at the fake server | ${cap.peakOpen} | ≤ ${cap.maxStreams}: ${met(cap.peakOpen <= cap.maxStreams)} |`);
  say(`| page errors (not 200, or a grid not whole) | ${cap.errors} | 0: ${met(cap.errors === 0)} |`);
  say(`| pages with a whole grid (every candidate's card once, ranks 1..n, the done summary's counts) | ${cap.wholePages} of ${cap.pages} | all |`);
  say(`| outcomes (done summary in each page's RSC payload) | ${counts(cap.outcomes)} | model-ranked, over-capacity, or replayed (a ranking another page's model finished is stored and replayed free) |`);
  say(`| model requests (stopped by the app after the picks) | ${cap.modelRequests} (${cap.modelAborted}) | = model-ranked pages |`);
  say(`| page load, request → end of HTML: p50 / p95 / max | ${ms(cap.pageMs.p50)} / ${ms(cap.pageMs.p95)} / ${ms(cap.pageMs.max)} (all in ${ms(cap.wallMs)}) | |`);
  for (const sample of cap.errorSamples) say(`- ${sample}`);
  for (const line of cap.serverErrors) say(`- server log: ${line.slice(0, 300)}`);

  say();
  const g = hostile.gaps;
  say(
    `(c) ${hostile.rankings} rankings at once (\`GET /api/rankings?shopper=<the six in turn>\`, NDJSON, ${candidateIds().length} candidates each), every ${hostile.every}th model request hostile, in turn: ${HOSTILE_KINDS.join(", ")}. AISLE_MODEL_PICKS=all (each healthy stream is one element per item at the model's pace), AISLE_STALL_TIMEOUT_MS=${HOSTILE_DEADLINES.stallMs}, AISLE_FIRST_ITEM_TIMEOUT_MS=${HOSTILE_DEADLINES.firstItemMs}, AISLE_MAX_MODEL_STREAMS=${Math.max(256, hostile.rankings)} (every ranking gets the model), no budget. Garbage = a valid first element, then text that is no JSON; stall = ~3 elements, then nothing, the connection open; HTTP 500 = every attempt (the SDK's retry too); invented id = \`9999\` as the 3rd element among valid ones. Each ranking's kind is read from its model items' reasons or its error detail.`,
  );
  say("| model answer | model requests | rankings | outcomes | model items (median) | rejected | whole | ranking totalMs (median) |");
  say("|---|---:|---:|---|---:|---:|---:|---:|");
  for (const row of hostile.kinds) {
    say(`| ${row.kind} | ${row.modelRequests} | ${row.rankings} | ${counts(row.outcomes)} | ${Number.isFinite(row.modelItems) ? row.modelItems : "—"} | ${row.rejected} | ${row.whole} | ${ms(row.totalMs)} |`);
  }
  const stallAfter = hostile.stall.closedAfterLastByteMs.filter(Number.isFinite);
  say("| measure | result | target |");
  say("|---|---:|---|");
  say(`| errors (not 200, or a ranking not whole) | ${hostile.errors} | 0: ${met(hostile.errors === 0)} |`);
  say(`| rankings exactly once (every candidate once, ranks 1..n) | ${hostile.whole} of ${hostile.rankings} (replays ${hostile.replays}) | all |`);
  say(
    `| stalled model requests closed by the app | ${hostile.stall.aborted} of ${hostile.stall.requests}, ${stallAfter.length ? `${ms(Math.min(...stallAfter))}–${ms(Math.max(...stallAfter))}` : "—"} after their last byte | all, ≈ ${HOSTILE_DEADLINES.stallMs} ms |`,
  );
  say(
    `| healthy streams' inter-item gap (model items, client): p50 / p95 | ${ms(g.clientP50)} / ${ms(g.clientP95)} (${g.samples} gaps, ${g.streams} streams) | |`,
  );
  say(`| the model's own gap (its element closes, fake server): p50 / p95 | ${ms(g.modelP50)} / ${ms(g.modelP95)} | |`);
  say(`| gap p95, client ÷ model | ${ratio(g.clientP95, g.modelP95)} | ≤ 1.10×: ${met(g.clientP95 <= g.modelP95 * 1.1)} |`);
  say(`| first item line, p50 / p95 (from request) | ${ms(hostile.firstLine.p50)} / ${ms(hostile.firstLine.p95)} | |`);
  say(`| most model requests open at once | ${hostile.peakOpen} | |`);
  for (const sample of hostile.errorSamples) say(`- ${sample}`);
  for (const line of hostile.serverErrors) say(`- server log: ${line.slice(0, 300)}`);

  for (const line of budget.notWhole) problems.push(`budget: a 200 ranking is not whole: ${line}`);
  for (const [status, count] of Object.entries(budget.statuses)) {
    if (status !== "200" && status !== "429") problems.push(`budget: ${count} request(s) answered ${status}`);
  }
  if (!budget.page.whole) problems.push(`budget: the page past the budget is not whole: ${budget.page.problem}`);
  if (cap.errors > 0) problems.push(`cap: ${cap.errors} page(s) failed or not whole, e.g. ${cap.errorSamples[0]}`);
  if (hostile.errors > 0) problems.push(`hostile models: ${hostile.errors} ranking(s) failed or not whole, e.g. ${hostile.errorSamples[0]}`);
  return { lines, problems };
}
