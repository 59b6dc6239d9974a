import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Waits for the grid to finish streaming and returns the product ids in the order shown. */
export async function shownRanking(page: Page): Promise<string[]> {
  await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-state", "done", { timeout: 45_000 });
  return page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-product-id") ?? ""));
}

export interface ApiLine {
  type: "item" | "done";
  id?: string;
  source?: string;
  replay?: boolean;
}

/** Every line GET /api/rankings answers for a query. */
export async function apiLines(request: APIRequestContext, query: string): Promise<ApiLine[]> {
  const response = await request.get(`/api/rankings?${query}`);
  expect(response.status()).toBe(200);
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ApiLine);
}

/** The ids GET /api/rankings ranks for a query, in its order. */
export async function apiRanking(request: APIRequestContext, query: string): Promise<string[]> {
  return (await apiLines(request, query)).flatMap((line) => (line.type === "item" && line.id ? [line.id] : []));
}

export const isSeedProduct = (id: string) => /^(10|[1-9])$/.test(id);

/**
 * Gives this browser a signal no other test has (a search for a made-up word), so its next ranking is
 * computed by the model, not replayed from one another test stored.
 */
export async function uniqueSignals(page: Page): Promise<void> {
  const word = `zz${Math.random().toString(36).slice(2, 10)}`;
  // The search is recorded by a server action once the page is shown.
  const recorded = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes(`q=${word}`));
  await page.goto(`/?q=${word}`);
  await expect(page.getByTestId("notice")).toContainText("No products match");
  await recorded;
}

/** What the grid showed in one animation frame while it streamed. */
export interface StreamingFrame {
  /** The streaming ranking's own cards, in the order shown. */
  placed: string[];
  /** The previous ranking's cards still shown (dimmed, `data-stale`), in the order shown. */
  stale: string[];
}

declare global {
  interface Window {
    __streamingFrames?: StreamingFrame[];
  }
}

/**
 * Starts recording, in the page, every card the grid shows in each animation frame in which it is
 * streaming (each change once: a frame that shows what the frame before it showed is not repeated).
 */
export async function recordStreamingFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: StreamingFrame[] = [];
    window.__streamingFrames = frames;
    let last = "";
    const sample = () => {
      const grid = document.querySelector("[data-testid=ranked-grid]");
      if (grid?.getAttribute("data-state") === "streaming") {
        const frame: StreamingFrame = { placed: [], stale: [] };
        for (const card of grid.querySelectorAll("[data-testid=ranked-card]")) {
          const id = card.getAttribute("data-product-id") ?? "";
          (card.closest("[data-stale]") ? frame.stale : frame.placed).push(id);
        }
        const key = JSON.stringify(frame);
        if (key !== last) frames.push(frame);
        last = key;
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

export async function streamingFrames(page: Page): Promise<StreamingFrame[]> {
  return page.evaluate(() => window.__streamingFrames ?? []);
}
