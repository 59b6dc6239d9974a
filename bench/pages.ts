import { createServer, request as httpRequest, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { launch, measureRevealLag, watchCards, type RevealResult } from "./browser.ts";
import { mainThreadWork, TRACE_CATEGORIES, WORK_KINDS as WORK_COLUMNS, type MainThreadWork } from "./support/main-thread.ts";
import { startNext } from "./support/server.ts";
import { median } from "./support/stats.ts";

// Light pages (issue "Light pages"): what a 72-card page weighs, how soon a replayed grid is on screen
// after its first byte, what the main thread does meanwhile, and the floor — the same 72 cards as a static
// HTML page with no script at all.

/** A fast simulated model, so a live page's document is whole in a few seconds. */
const FAST_MODEL = { AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: "memory://", AISLE_MODEL_PICKS: "all", AISLE_SIM_TTFT_MS: "200", AISLE_SIM_TOKENS_PER_SECOND: "4000" };
const PAGE = "/?shopper=12345";

export interface DocumentWeight {
  bytes: number;
  /** The inline RSC payload (`self.__next_f.push` scripts). */
  payload: number;
  /** Early cards' <noscript> copies. */
  noscript: number;
  /** Everything but scripts. */
  markup: number;
  cards: number;
}

function weigh(html: string): DocumentWeight {
  const scripts = [...html.matchAll(/<script[^>]*>[\s\S]*?<\/script>/g)].map((match) => match[0]);
  const size = (parts: readonly string[]) => parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
  return {
    bytes: Buffer.byteLength(html),
    payload: size(scripts.filter((script) => script.includes("self.__next_f.push"))),
    noscript: size([...html.matchAll(/<noscript>[\s\S]*?<\/noscript>/g)].map((match) => match[0])),
    markup: Buffer.byteLength(html) - size(scripts),
    cards: html.split('data-testid="ranked-card"').length - 1,
  };
}

/** The floor: the replayed page's own markup with every script taken out (the cards as plain HTML). */
export function staticGrid(replayHtml: string): string {
  return replayHtml.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "").replace(/<link rel="preload" as="script"[^>]*>/g, "");
}

/** Serves `html` at `/` and passes every other request (styles, pictures) to the app. */
async function serveStatic(html: string, appUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: HttpServer = createServer((request, response) => {
    if (request.url === "/" || request.url?.startsWith("/?")) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html);
      return;
    }
    const upstream = httpRequest(`${appUrl}${request.url ?? "/"}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface PaintResult {
  label: string;
  runs: number;
  cards: number;
  /** Medians over the runs, ms after the response's first byte: the first card, the 60th, the last, painted. */
  first: number;
  sixtieth: number;
  last: number;
  /** The main thread over one traced load. */
  work: MainThreadWork;
}

/** Loads `url` `runs` times in fresh contexts (and once more, traced) and times the cards against the first byte. */
async function paintTimes(label: string, url: string, runs: number): Promise<PaintResult> {
  const browser = await launch();
  const firsts: number[] = [];
  const sixtieths: number[] = [];
  const lasts: number[] = [];
  let cards = 0;
  let work: MainThreadWork | undefined;
  try {
    for (let run = 0; run <= runs; run++) {
      const traced = run === runs;
      const context = await browser.newContext();
      const page = await context.newPage();
      await watchCards(page);
      if (traced) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(() => (window.__cards ?? []).every((card) => Number.isFinite(card.painted)));
      await page.evaluate(() => new Promise(requestAnimationFrame));
      if (traced) work = mainThreadWork((await browser.stopTracing()).toString("utf8"), url);
      const { placed, firstByte } = await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        return { placed: window.__cards ?? [], firstByte: performance.timeOrigin + (navigation?.responseStart ?? Number.NaN) };
      });
      await context.close();
      if (traced) continue;
      cards = placed.length;
      firsts.push((placed[0]?.painted ?? Number.NaN) - firstByte);
      sixtieths.push((placed[59]?.painted ?? Number.NaN) - firstByte);
      lasts.push((placed.at(-1)?.painted ?? Number.NaN) - firstByte);
    }
  } finally {
    await browser.close();
  }
  return { label, runs, cards, first: median(firsts), sixtieth: median(sixtieths), last: median(lasts), work: work as MainThreadWork };
}

export interface PagesResult {
  live: DocumentWeight;
  replay: DocumentWeight;
  floor: DocumentWeight;
  replayPaint: PaintResult;
  floorPaint: PaintResult;
  /** A fast model's first loads (untraced), then one traced. */
  fastModel: RevealResult[];
  fastModelWork?: MainThreadWork;
}

export async function measurePages(ports: { app: number; model: number }, runs: number): Promise<PagesResult> {
  const server = await startNext({ port: ports.app, env: FAST_MODEL });
  let weights: Pick<PagesResult, "live" | "replay" | "floor" | "replayPaint" | "floorPaint">;
  try {
    // The first visit ranks live (the whole document, cards and all); the second replays what it stored.
    const liveHtml = await (await fetch(`${server.url}${PAGE}`)).text();
    const replayHtml = await (await fetch(`${server.url}${PAGE}`)).text();
    const floorHtml = staticGrid(replayHtml);
    const replayPaint = await paintTimes("replayed ranking (`npm start`)", `${server.url}${PAGE}`, runs);
    const floor = await serveStatic(floorHtml, server.url);
    let floorPaint: PaintResult;
    try {
      floorPaint = await paintTimes("static HTML, the same 72 cards (the floor)", `${floor.url}/`, runs);
    } finally {
      await floor.close();
    }
    weights = { live: weigh(liveHtml), replay: weigh(replayHtml), floor: weigh(floorHtml), replayPaint, floorPaint };
  } finally {
    await server.stop();
  }
  const pace = { firstTokenMs: 200, gapMs: 100 };
  const fastRuns = Array.from({ length: runs }, () => ({ label: "100 ms gaps, all 72, first token at 200 ms", pace, rerank: false }));
  const fastModel = await measureRevealLag(ports, [...fastRuns, { label: "traced", pace, rerank: false, trace: true }]);
  const traced = fastModel.pop();
  return { ...weights, fastModel, fastModelWork: traced?.work };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const msText = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value >= 100 ? 0 : 1)} ms` : "—");

function workRows(rows: readonly [string, MainThreadWork | undefined][]): string[] {
  const lines = [
    "| load | long tasks | in long tasks | longest | " + WORK_COLUMNS.join(" | ") + " |",
    "|---|---:|---:|---:|" + WORK_COLUMNS.map(() => "---:").join("|") + "|",
  ];
  for (const [label, work] of rows) {
    if (!work) continue;
    const cell = (kind: (typeof WORK_COLUMNS)[number]) => `${msText(work.total[kind])} (${msText(work.inLongTasks[kind])})`;
    lines.push(`| ${label} | ${work.longTasks} | ${msText(work.longTaskMs)} | ${msText(work.longestTaskMs)} | ${WORK_COLUMNS.map(cell).join(" | ")} |`);
  }
  return lines;
}



/** BENCHMARKS.md section 12, and what makes the run fail (a page missing cards). */
export function pagesReport(result: PagesResult, quick: boolean): { lines: string[]; problems: string[] } {
  const problems: string[] = [];
  const lines: string[] = [];
  lines.push(`## 12. Light pages: a 72-card page's weight, a replay on screen, a fast model's cards, and the main thread (shopper 12345, model picks: all; ${quick ? "1 run" : `median of ${result.replayPaint.runs} runs`})`);
  lines.push("| document (uncompressed) | bytes | RSC payload | early-card `<noscript>` | markup | cards |");
  lines.push("|---|---:|---:|---:|---:|---:|");
  for (const [label, weight] of [["live ranking", result.live], ["replayed ranking", result.replay], ["static HTML (the floor)", result.floor]] as const) {
    lines.push(`| ${label} | ${kb(weight.bytes)} | ${kb(weight.payload)} | ${kb(weight.noscript)} | ${kb(weight.markup)} | ${weight.cards} |`);
    if (weight.cards !== 72) problems.push(`the ${label} document holds ${weight.cards} cards, not 72`);
  }
  lines.push("");
  lines.push("Cards painted after the response's first byte (the next frame after each card is in the DOM), Chromium:");
  lines.push("| page | cards | first card | 60th card | last card |");
  lines.push("|---|---:|---:|---:|---:|");
  for (const paint of [result.replayPaint, result.floorPaint]) {
    lines.push(`| ${paint.label} | ${paint.cards} | ${msText(paint.first)} | ${msText(paint.sixtieth)} | ${msText(paint.last)} |`);
    if (paint.cards !== 72) problems.push(`${paint.label}: ${paint.cards} cards painted, not 72`);
  }
  lines.push("");
  lines.push("A fast model (a local fake OpenAI server: first token at 200 ms, an element every 100 ms, 72 cards), first loads: the model's `}` → the card in the DOM (placed) and → the next frame after it (painted, what a shopper sees):");
  lines.push("| run | cards | placed: first | p50 | p95 | max | painted: first | p50 | p95 | max |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const [index, run] of result.fastModel.entries()) {
    lines.push(`| ${index + 1} | ${run.cards} | ${msText(run.first)} | ${msText(run.p50)} | ${msText(run.p95)} | ${msText(run.max)} | ${msText(run.painted.first)} | ${msText(run.painted.p50)} | ${msText(run.painted.p95)} | ${msText(run.painted.max)} |`);
    if (run.cards !== 72) problems.push(`fast model run ${index + 1}: ${run.cards} cards, not 72 (${JSON.stringify(run.counted)})`);
  }
  const fast = result.fastModel;
  lines.push(`| median | | ${msText(median(fast.map((run) => run.first)))} | ${msText(median(fast.map((run) => run.p50)))} | ${msText(median(fast.map((run) => run.p95)))} | ${msText(median(fast.map((run) => run.max)))} | ${msText(median(fast.map((run) => run.painted.first)))} | ${msText(median(fast.map((run) => run.painted.p50)))} | ${msText(median(fast.map((run) => run.painted.p95)))} | ${msText(median(fast.map((run) => run.painted.max)))} |`);
  lines.push("");
  lines.push("The main thread over one traced load (Chromium trace, DevTools timeline categories; each slice's own time to its kind of work; in brackets: the part inside long tasks, ≥ 50 ms):");
  lines.push(
    ...workRows([
      ["fast model, first load", result.fastModelWork],
      ["replayed ranking", result.replayPaint.work],
      ["static HTML (the floor)", result.floorPaint.work],
    ]),
  );
  return { lines, problems };
}
