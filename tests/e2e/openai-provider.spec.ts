import { expect, test } from "./support/test";
import { modelRequests, scriptRanking } from "./support/fake-model";
import { shownRanking } from "./support/grid";
import { OPENAI_APP_URL } from "./support/urls";

// The app instance with the openai provider, talking to the local fake OpenAI server.
test.use({ baseURL: OPENAI_APP_URL });

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

/** The request the page's ranking made: the first since the scenario was set (the server was reset then). */
async function pageModelRequest() {
  return (await modelRequests())[0];
}

/** The model's picks (AISLE_MODEL_PICKS): the request is stopped by design once it begins one element more. */
const PICKS = 24;

// A slow model (an element about every second), so that when the page is left after a few cards the model
// is far from its picks: a request stopped because the page left has begun a few elements; one stopped only
// by the picks has begun 25, and one nobody stops is never closed.
const SLOW_MODEL = { reason: "Slow and steady", gapMs: 100 };
const CARDS_BEFORE_LEAVING = 2;

/** Waits for the page's model request to be closed, by whichever side, and returns it. */
async function closedModelRequest() {
  await expect.poll(async () => (await pageModelRequest())?.closedAt ?? null, { timeout: 45_000 }).not.toBeNull();
  return pageModelRequest();
}

test("a hostile reason from the model is shown as literal text and runs nothing", async ({ page }) => {
  await scriptRanking({ reason: HOSTILE, gapMs: 1, chunkSize: 40 });
  await page.goto("/?shopper=12345&category=books", { waitUntil: "commit" });
  const ids = await shownRanking(page);
  expect(ids.length).toBeGreaterThan(0);

  const reasons = page.locator(".card-reason");
  await expect(reasons.first()).toContainText(HOSTILE);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator("[data-testid=ranked-grid] img[src='x'], [data-testid=ranked-grid] script").count()).toBe(0);
  await expect(page.getByTestId("model-badge")).toHaveText("Ranked by fake-ranker");
});

test("leaving the page mid-stream by a link aborts the model request, a few elements in, long before the picks", async ({ page }) => {
  test.setTimeout(90_000);
  await scriptRanking(SLOW_MODEL);
  await page.goto("/?shopper=12345", { waitUntil: "commit" });
  await expect.poll(() => page.getByTestId("ranked-card").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(CARDS_BEFORE_LEAVING);
  await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-state", "streaming");

  // A client-side navigation: the document's connection stays open, so the page must tell the server.
  await page.getByRole("link", { name: "Books", exact: true }).click();
  await expect(page).toHaveURL(/category=books/);
  const model = await closedModelRequest();
  expect(model).toMatchObject({ aborted: true, finished: false });
  expect(model?.elementsBegunAtClose).toBeGreaterThanOrEqual(CARDS_BEFORE_LEAVING);
  expect(model?.elementsBegunAtClose).toBeLessThanOrEqual(PICKS / 2);
});

test("closing the page mid-stream aborts the model request, a few elements in, long before the picks", async ({ page }) => {
  test.setTimeout(90_000);
  await scriptRanking(SLOW_MODEL);
  await page.goto("/?shopper=12345", { waitUntil: "commit" });
  await expect.poll(() => page.getByTestId("ranked-card").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(CARDS_BEFORE_LEAVING);
  await page.close();
  const model = await closedModelRequest();
  expect(model).toMatchObject({ aborted: true, finished: false });
  expect(model?.elementsBegunAtClose).toBeGreaterThanOrEqual(CARDS_BEFORE_LEAVING);
  expect(model?.elementsBegunAtClose).toBeLessThanOrEqual(PICKS / 2);
});

test("the model's 24 picks, then the rest at once; the request is stopped as the 25th element begins", async ({ request }) => {
  // Fast up to the 25th element, then a chunk a second: a stop that comes as the 25th begins is counted at
  // 25 however busy the machine is, while a model read on would begin the 26th about four chunks later.
  await scriptRanking({ reason: "Worth a look", gapMs: 2, chunkSize: 12, slowAfter: { elements: 25, gapMs: 1000 } });
  const response = await request.get("/api/rankings?shopper=runner-maya");
  expect(response.status()).toBe(200);
  const lines = (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; source?: string; ranked?: number; usage?: { estimated: boolean; outputTokens: number } });
  const items = lines.filter((line) => line.type === "item");
  expect(items.slice(0, 24).every((item) => item.source === "model")).toBe(true);
  expect(items.slice(24).every((item) => item.source === "fallback")).toBe(true);
  expect(lines.at(-1)).toMatchObject({ type: "done", ranked: 24, outcome: "complete", usage: { estimated: true } });

  const [model] = await modelRequests();
  expect(model?.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, prompt_cache_key: expect.stringMatching(/^aisle-/) });
  await expect.poll(async () => (await modelRequests())[0]?.elementsBegunAtClose).toBe(25);
});
