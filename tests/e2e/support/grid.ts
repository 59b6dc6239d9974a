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
