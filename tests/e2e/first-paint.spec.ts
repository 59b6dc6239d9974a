import { expect, test } from "./support/test";
import { cardArrivals, recordCardArrivals } from "./support/arrivals";
import { apiLines, shownRanking } from "./support/grid";
import { glides, recordGlides } from "./support/glides";

// The first seconds of a visit (docs/architecture.md §11): every card that exists before the page hydrates is
// in its HTML and on screen.

test("a replayed ranking is whole in the first HTML response, and on screen with JavaScript off", async ({ browser, request }) => {
  // A bare client has no signals, nor does a new browser: the same key, so the page replays this ranking.
  const ranked = (await apiLines(request, "shopper=reader-lin&category=books")).filter((line) => line.type === "item").map((line) => line.id);
  expect(ranked.length).toBeGreaterThan(3);

  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const html = await (await context.request.get("/?shopper=reader-lin&category=books")).text();
    expect(html.match(/data-testid="ranked-card"/g)?.length).toBe(ranked.length);
    expect(html).toContain('data-replay="true"');

    const page = await context.newPage();
    await page.goto("/?shopper=reader-lin&category=books");
    const cards = page.getByTestId("ranked-card");
    await expect(cards).toHaveCount(ranked.length);
    await expect(cards.first()).toBeVisible();
    await expect(cards.last()).toBeVisible();
    expect(await cards.evaluateAll((all) => all.map((card) => card.getAttribute("data-product-id")))).toEqual(ranked);
  } finally {
    await context.close();
  }
});

test("cards that close before hydration are on screen at once; the client grid takes over with no card twice and the order kept; a re-rank still glides", async ({ page }) => {
  await recordCardArrivals(page);
  // Hold the page's JavaScript back, so the model closes many cards before the page can hydrate.
  let release: () => void = () => {};
  const hydration = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await hydration;
    await route.continue();
  });
  await page.goto("/?shopper=chef-omar", { waitUntil: "commit" });

  const placedEarly = page.locator("[id^=early-] [data-testid=ranked-card]");
  await expect.poll(() => placedEarly.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
  await expect(placedEarly.first()).toBeVisible();
  const early = await placedEarly.evaluateAll((cards) => cards.map((card) => card.getAttribute("data-product-id")));
  release();

  const ids = await shownRanking(page);
  await expect(page.locator("[id^=early-]")).toHaveCount(0);
  expect(new Set(ids).size).toBe(ids.length);
  expect(await page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => Number(card.getAttribute("data-rank"))))).toEqual(ids.map((_, index) => index + 1));
  expect(ids.slice(0, early.length)).toEqual(early);
  expect((await cardArrivals(page)).map((arrival) => arrival.id)).toEqual(ids);

  // A cart add re-ranks in place after the hand-over: cards still glide to their new places (FLIP moves of
  // ranked cards; the model badge's pulse and the skeletons' shimmer do not count).
  await recordGlides(page);
  await page.getByTestId("ranked-card").first().getByTestId("add-to-cart").click();
  await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-state", "streaming");
  const reranked = await shownRanking(page);
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  expect(reranked).not.toEqual(ids);
  const moved = await glides(page);
  expect(moved.length).toBeGreaterThan(0);
  expect(moved.filter((id) => !reranked.includes(id))).toEqual([]);
});
