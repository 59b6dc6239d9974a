import { chromium, type Browser, type Page } from "@playwright/test";
import { startFakeOpenAIServer } from "../tests/support/fake-openai-server.ts";
import { median, percentile } from "./support/stats.ts";
import { startNext } from "./support/server.ts";
import { chosenExecutablePath } from "../scripts/browser-choice.ts";
import { mainThreadWork, TRACE_CATEGORIES, type MainThreadWork } from "./support/main-thread.ts";

// Measurements in a real browser (Debian's Chromium): time to the first card, and the reveal lag from
// the model writing an element's `}` to its card being in the DOM and visible.

// The browser `npm test` provisioned (scripts/ensure-browser.ts), or the system's.
const CHROMIUM = chosenExecutablePath() ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

declare global {
  interface Window {
    __cards?: PlacedCard[];
  }
}

/** A card as the page saw it: placed in the DOM (`at`), and in the next frame the browser rendered (`painted`). */
export interface PlacedCard {
  key: string;
  at: number;
  visible: boolean;
  painted: number;
}

/**
 * Records, in the page, the epoch time each card is placed (a new fresh card, or a stale one made fresh) and
 * the start of the next frame after it: what a shopper sees, since a card placed while the main thread is
 * busy (parsing, hydrating) is not on screen until that work yields to a frame.
 */
export async function watchCards(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cards = [];
    const now = () => performance.timeOrigin + performance.now();
    // window.__cards, not `cards`: the bench empties it between a first load and a re-rank.
    // A card placed before hydration is placed again when the client grid takes the list over: the first
    // placing counts. The "More for you" heading is not a card.
    const note = (li: Element) => {
      const key = li.getAttribute("data-flip-key") ?? "";
      if (key === "more-for-you" || window.__cards?.some((card) => card.key === key)) return;
      const card = { key, at: now(), visible: li.checkVisibility(), painted: Number.NaN };
      window.__cards?.push(card);
      requestAnimationFrame(() => (card.painted = now()));
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes") {
          const li = record.target as Element;
          if (record.oldValue === "true" && !li.hasAttribute("data-stale")) note(li);
          continue;
        }
        // A card may arrive inside a larger subtree (a list the client grid renders anew): its descendants count.
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (node.matches("li[data-flip-key]:not([data-stale])")) note(node);
          node.querySelectorAll("li[data-flip-key]:not([data-stale])").forEach(note);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-stale"], attributeOldValue: true });
  });
}

/**
 * A new server's first request pays for loading modules and opening the database; measure a warm server,
 * as a shopper meets it. A search that matches nothing warms both routes without ranking anything.
 */
async function warmUp(url: string): Promise<void> {
  await (await fetch(`${url}/api/rankings?shopper=chef-omar&q=zzwarmup`)).text();
  await (await fetch(`${url}/?shopper=chef-omar&q=zzwarmup`)).text();
}

export interface FirstCardResult {
  runs: number;
  /** Medians, ms from the navigation's start (browser) or the request (NDJSON). */
  firstLine: number;
  firstCard: number;
  modelFirstItem: number;
  wholeAnswer: number;
}

/** The seed's headline: first card vs waiting for the whole answer, simulated model at a realistic pace. */
export async function measureFirstCard(port: number, runs: number, pace: Record<string, string> = {}): Promise<FirstCardResult> {
  const firstLines: number[] = [];
  const firstCards: number[] = [];
  const modelFirst: number[] = [];
  const whole: number[] = [];
  const browser = await launch();
  try {
    for (let run = 0; run < runs; run++) {
      // A fresh in-memory database each run: nothing is a replay.
      // The model ranks every candidate: the whole answer is the whole model answer, one card per element.
      const server = await startNext({ port, env: { AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: "memory://", AISLE_MODEL_PICKS: "all", ...pace } });
      try {
        await warmUp(server.url);
        const started = performance.now();
        const response = await fetch(`${server.url}/api/rankings?shopper=reader-lin`);
        const reader = response.body?.getReader();
        let text = "";
        let firstLine = Number.NaN;
        for (;;) {
          const part = await reader?.read();
          if (!part || part.done) break;
          text += new TextDecoder().decode(part.value);
          if (Number.isNaN(firstLine) && text.includes("\n")) firstLine = performance.now() - started;
        }
        firstLines.push(firstLine);

        const page = await browser.newPage();
        await watchCards(page);
        await page.goto(`${server.url}/?shopper=12345`, { waitUntil: "commit" });
        const grid = page.locator("[data-testid=ranked-grid][data-state=done]");
        await grid.waitFor({ timeout: 120_000 });
        const { first, navigationStart, done } = await page.evaluate(() => ({
          first: window.__cards?.[0]?.at ?? Number.NaN,
          navigationStart: performance.timeOrigin,
          done: performance.timeOrigin + performance.now(),
        }));
        firstCards.push(first - navigationStart);
        whole.push(done - navigationStart);
        modelFirst.push(Number(await grid.getAttribute("data-first-item-ms")));
        await page.close();
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return { runs, firstLine: median(firstLines), firstCard: median(firstCards), modelFirstItem: median(modelFirst), wholeAnswer: median(whole) };
}

export interface RevealResult {
  label: string;
  /** Cards measured: those both written by the model (a `}` logged) and seen placed by the page. */
  cards: number;
  /** What each side counted, when a card is missing: the model's elements, cards placed, cards in the finished grid. */
  counted?: { modelElements: number; placed: number; inGrid: number };
  /** The model's own median gap between elements, ms. */
  cardGap: number;
  /** The first card's lag alone: the model's first object → the first card on screen. */
  first: number;
  p50: number;
  p95: number;
  max: number;
  invisible: number;
  /** The same lags to the next frame after each card was placed (what a shopper sees). */
  painted: { first: number; p50: number; p95: number; max: number };
  /** Traced runs: the main thread's work over the load. */
  work?: MainThreadWork;
  /** First loads: the model's first `}` and the first card, ms from the navigation's start. */
  fromNavigation?: { modelFirst: number; firstCard: number };
}

function lags(label: string, closes: readonly number[], cards: readonly PlacedCard[]): RevealResult {
  const count = Math.min(closes.length, cards.length);
  const samples = Array.from({ length: count }, (_, i) => (cards[i]?.at ?? 0) - (closes[i] ?? 0));
  const painted = Array.from({ length: count }, (_, i) => (cards[i]?.painted ?? Number.NaN) - (closes[i] ?? 0));
  const gaps = closes.slice(1).map((close, i) => close - (closes[i] as number));
  return {
    label,
    cards: count,
    cardGap: median(gaps),
    first: samples[0] ?? Number.NaN,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    invisible: cards.slice(0, count).filter((card) => !card.visible).length,
    painted: { first: painted[0] ?? Number.NaN, p50: percentile(painted, 50), p95: percentile(painted, 95), max: Math.max(...painted) },
  };
}

/** How the fake model writes its answer: its first token after `firstTokenMs`, then one element every `gapMs`. */
export interface ModelPace {
  firstTokenMs: number;
  gapMs: number;
}

/**
 * A model at the simulated model's default pace (600 ms to the first token, 80 tokens/s at ~4 characters a
 * token): the fake's ~48-character elements then come every ~150 ms.
 */
export const REALISTIC_PACE: ModelPace = { firstTokenMs: 600, gapMs: 150 };

export interface RevealRun {
  label: string;
  pace: ModelPace;
  /** Narrows the grid (fewer cards, shorter run); none = all 72 products. */
  category?: string;
  /** Also measure the in-place re-ranking a cart add starts. */
  rerank: boolean;
  /** Trace the first load's main thread (main-thread.ts). */
  trace?: boolean;
}

type FakeModel = Awaited<ReturnType<typeof startFakeOpenAIServer>>;

async function withFakeModel<T>(port: number, work: (fake: FakeModel, browser: Browser) => Promise<T>): Promise<T> {
  const fake = await startFakeOpenAIServer({ port });
  const browser = await launch();
  try {
    return await work(fake, browser);
  } finally {
    await browser.close();
    await fake.close();
  }
}

/**
 * One measured page load: a fresh server and in-memory database (a stored ranking would be replayed, not
 * measured), the fake model writing at `pace` and logging the instant of each element's `}`, the page
 * logging the instant each card is placed. Then, when asked, a cart add and the re-ranking it starts.
 */
async function loadOnce(appPort: number, fake: FakeModel, browser: Browser, run: RevealRun): Promise<RevealResult[]> {
  const server = await startNext({
    port: appPort,
    // Picks "all": every card is one element the model writes at its pace (with picks, the rest would come
    // at once after the last pick, and the read would stop one element later).
    env: { AISLE_PROVIDER: "openai", OPENAI_API_KEY: "sk-bench", OPENAI_BASE_URL: `${fake.url}`, OPENAI_MODEL: "bench-model", AISLE_DATA_DIR: "memory://", AISLE_MODEL_PICKS: "all" },
  });
  const context = await browser.newContext();
  try {
    await warmUp(server.url);
    // ~48-character elements in 12-character chunks: one element every gapMs.
    fake.setScenario({ kind: "rank", reason: "Picked for the bench run.", chunkSize: 12, gapMs: run.pace.gapMs / 4, firstDelayMs: run.pace.firstTokenMs });
    fake.reset();
    const page = await context.newPage();
    await watchCards(page);
    if (run.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const url = `${server.url}/?shopper=12345${run.category ? `&category=${run.category}` : ""}`;
    await page.goto(url, { waitUntil: "commit" });
    await page.locator("[data-testid=ranked-grid][data-state=done]").waitFor({ timeout: 120_000 });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const trace = run.trace ? (await browser.stopTracing()).toString("utf8") : undefined;
    const closes = fake.requests[0]?.elementCloseTimes ?? [];
    const { cards, navigationStart } = await page.evaluate(() => ({ cards: window.__cards ?? [], navigationStart: performance.timeOrigin }));
    const firstLoad = lags(`first load, ${run.label}`, closes, cards);
    const inGrid = await page.locator("[data-testid=ranked-card]").count();
    firstLoad.counted = { modelElements: closes.length, placed: cards.length, inGrid };
    if (trace) firstLoad.work = mainThreadWork(trace, url);
    firstLoad.fromNavigation = { modelFirst: (closes[0] ?? Number.NaN) - navigationStart, firstCard: (cards[0]?.at ?? Number.NaN) - navigationStart };
    const results = [firstLoad];
    if (run.rerank) {
      // A cart change re-ranks in place: the model is asked again.
      await page.evaluate(() => (window.__cards = []));
      await page.locator("[data-testid=ranked-card]").first().getByTestId("add-to-cart").click();
      await page.locator("[data-testid=ranked-grid][data-state=streaming]").waitFor({ timeout: 30_000 });
      await page.locator("[data-testid=ranked-grid][data-state=done]").waitFor({ timeout: 120_000 });
      results.push(lags(`re-rank, ${run.label}`, fake.requests[1]?.elementCloseTimes ?? [], await page.evaluate(() => window.__cards ?? [])));
    }
    return results;
  } finally {
    await context.close();
    await server.stop();
  }
}

/** Reveal lag: the model writes an element's `}` → its card is placed in Chromium's DOM, for each run. */
export async function measureRevealLag(ports: { app: number; model: number }, runs: readonly RevealRun[]): Promise<RevealResult[]> {
  return withFakeModel(ports.model, async (fake, browser) => {
    const results: RevealResult[] = [];
    for (const run of runs) results.push(...(await loadOnce(ports.app, fake, browser, run)));
    return results;
  });
}

export interface FirstCardLagResult {
  runs: number;
  /** Median over the runs of (first card on screen − the model's first `}`), ms. */
  lag: number;
  /** Median of the model's first `}` and of the first card, ms from the navigation's start. */
  modelFirst: number;
  firstCard: number;
}

/** The first card against the instant the model wrote its first object: a fresh first load each run. */
export async function measureFirstCardLag(ports: { app: number; model: number }, runs: number, pace: ModelPace): Promise<FirstCardLagResult> {
  return withFakeModel(ports.model, async (fake, browser) => {
    const lagsMs: number[] = [];
    const modelFirst: number[] = [];
    const firstCard: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [result] = await loadOnce(ports.app, fake, browser, { label: "first card", pace, rerank: false });
      lagsMs.push(result?.first ?? Number.NaN);
      modelFirst.push(result?.fromNavigation?.modelFirst ?? Number.NaN);
      firstCard.push(result?.fromNavigation?.firstCard ?? Number.NaN);
    }
    return { runs, lag: median(lagsMs), modelFirst: median(modelFirst), firstCard: median(firstCard) };
  });
}
