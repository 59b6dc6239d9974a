import { chromium, type Browser, type Page } from "@playwright/test";
import { startFakeOpenAIServer } from "../tests/support/fake-openai-server.ts";
import { median, percentile } from "./support/stats.ts";
import { startNext } from "./support/server.ts";

// Measurements in a real browser (Debian's Chromium): time to the first card, and the reveal lag from
// the model writing an element's `}` to its card being in the DOM and visible.

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

declare global {
  interface Window {
    __cards?: { key: string; at: number; visible: boolean }[];
  }
}

/** Records, in the page, the epoch time each card is placed: a new fresh card, or a stale one made fresh. */
async function watchCards(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cards = [];
    const now = () => performance.timeOrigin + performance.now();
    // window.__cards, not `cards`: the bench empties it between a first load and a re-rank.
    const note = (li: Element) => window.__cards?.push({ key: li.getAttribute("data-flip-key") ?? "", at: now(), visible: li.checkVisibility() });
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes") {
          const li = record.target as Element;
          if (record.oldValue === "true" && !li.hasAttribute("data-stale")) note(li);
          continue;
        }
        for (const node of record.addedNodes) {
          if (node instanceof Element && node.matches("li[data-flip-key]:not([data-stale])")) note(node);
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
      const server = await startNext({ port, env: { AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: "memory://", ...pace } });
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
  cards: number;
  /** The model's own median gap between elements, ms. */
  cardGap: number;
  p50: number;
  p95: number;
  max: number;
  invisible: number;
}

function lags(label: string, closes: readonly number[], cards: readonly { at: number; visible: boolean }[]): RevealResult {
  const count = Math.min(closes.length, cards.length);
  const samples = Array.from({ length: count }, (_, i) => (cards[i]?.at ?? 0) - (closes[i] ?? 0));
  const gaps = closes.slice(1).map((close, i) => close - (closes[i] as number));
  return {
    label,
    cards: count,
    cardGap: median(gaps),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    invisible: cards.slice(0, count).filter((card) => !card.visible).length,
  };
}

/**
 * Reveal lag: a local fake OpenAI server writes one element per `gapMs` and logs the instant of each
 * element's `}`; the page logs the instant each card is placed. First load, then a re-rank (a cart add).
 */
export async function measureRevealLag(ports: { app: number; model: number }, gapsMs: readonly number[], category: string): Promise<RevealResult[]> {
  const fake = await startFakeOpenAIServer({ port: ports.model });
  const browser = await launch();
  const results: RevealResult[] = [];
  try {
    for (const gapMs of gapsMs) {
      // A fresh server and in-memory database per run: a stored ranking would be replayed, not measured.
      const server = await startNext({
        port: ports.app,
        env: { AISLE_PROVIDER: "openai", OPENAI_API_KEY: "sk-bench", OPENAI_BASE_URL: `${fake.url}`, OPENAI_MODEL: "bench-model", AISLE_DATA_DIR: "memory://" },
      });
      await warmUp(server.url);
      // ~40-character elements in 10-character chunks: one element every gapMs.
      fake.setScenario({ kind: "rank", reason: "Picked for the bench run.", chunkSize: 10, gapMs: gapMs / 4, firstDelayMs: 200 });
      fake.reset();
      const context = await browser.newContext();
      const page = await context.newPage();
      await watchCards(page);
      await page.goto(`${server.url}/?shopper=12345&category=${category}`, { waitUntil: "commit" });
      await page.locator("[data-testid=ranked-grid][data-state=done]").waitFor({ timeout: 120_000 });
      const firstLoad = (await page.evaluate(() => window.__cards ?? [])).slice();
      results.push(lags(`first load, ${gapMs} ms gaps`, fake.requests[0]?.elementCloseTimes ?? [], firstLoad));

      // A cart change re-ranks in place: the model is asked again.
      await page.evaluate(() => (window.__cards = []));
      await page.locator("[data-testid=ranked-card]").first().getByTestId("add-to-cart").click();
      await page.locator("[data-testid=ranked-grid][data-state=streaming]").waitFor({ timeout: 30_000 });
      await page.locator("[data-testid=ranked-grid][data-state=done]").waitFor({ timeout: 120_000 });
      const rerank = await page.evaluate(() => window.__cards ?? []);
      results.push(lags(`re-rank, ${gapMs} ms gaps`, fake.requests[1]?.elementCloseTimes ?? [], rerank));
      await context.close();
      await server.stop();
    }
  } finally {
    await browser.close();
    await fake.close();
  }
  return results;
}
