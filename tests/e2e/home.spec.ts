import { expect, test } from "./support/test";
import { cardArrivals, largestFrameBatch, recordCardArrivals } from "./support/arrivals";
import { apiRanking, isSeedProduct, shownRanking, uniqueSignals } from "./support/grid";

test.describe("the picks grid, simulated model", () => {
  test("the model's 24 picks stream in one at a time, then the rest appear under More for you, every product once, MacBook Air first of the seed's ten", async ({ page, request }) => {
    await uniqueSignals(page);
    await recordCardArrivals(page);
    await page.goto("/?shopper=12345", { waitUntil: "commit" });
    const ids = await shownRanking(page);

    const arrivals = await cardArrivals(page);
    expect(arrivals.map((arrival) => arrival.id)).toEqual(ids);
    // Each pick reaches the screen on its own, not in a batch: at most six of the 24 in any one animation frame
    // (a machine busy for a moment may release a few close together; held back to the end, all 24 land in one),
    // and the 24 spread over at least 8 frames, in the ranking's order.
    const picks = arrivals.slice(0, 24);
    const frames = picks.map((arrival) => arrival.frame);
    expect(largestFrameBatch(picks)).toBeLessThanOrEqual(6);
    expect(new Set(frames).size).toBeGreaterThanOrEqual(8);
    expect(frames).toEqual([...frames].sort((a, b) => a - b));
    const sources = await page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-source")));
    expect(sources).toEqual([...Array<string>(24).fill("model"), ...Array<string>(ids.length - 24).fill("fallback")]);
    // "More for you" heads the cards the model did not pick, right after the 24th.
    await expect(page.getByTestId("more-for-you")).toBeVisible();
    const before = await page.getByTestId("more-for-you").evaluate((element) => element.previousElementSibling?.querySelector("[data-testid=ranked-card]")?.getAttribute("data-rank"));
    expect(before).toBe("24");
    expect(arrivals[0]?.gridState).toBe("streaming");

    const everyProduct = await apiRanking(request, "shopper=12345");
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...everyProduct].sort());
    expect(ids.filter(isSeedProduct)[0]).toBe("1");

    const ranks = await page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => Number(card.getAttribute("data-rank"))));
    expect(ranks).toEqual(ranks.map((_, index) => index + 1));
    await expect(page.getByTestId("ranking-status")).toHaveText(`24 picks by the model, then ${ids.length - 24} more for you in Aisle's own order.`);
    await expect(page.getByTestId("model-badge")).toContainText("simulated model");
    await expect(page.getByTestId("cart-count")).toHaveText("0");
  });

  test("a first visit with no cookie shops as itself (\"You\"), and the seed shopper is one click away", async ({ page }) => {
    await page.goto("/", { waitUntil: "commit" });
    await expect(page.getByTestId("shopper-switcher").locator("summary")).toContainText("You");
    const cold = await shownRanking(page);
    expect(cold.length).toBeGreaterThan(24);
    await page.getByTestId("shopper-switcher").locator("summary").click();
    await expect(page.getByText("Shop as… (demo shoppers)")).toBeVisible();
    await page.locator("[data-shopper-id='12345']").click();
    await expect(page.getByTestId("shopper-switcher").locator("summary")).toContainText("Alex");
    expect((await shownRanking(page)).filter(isSeedProduct)[0]).toBe("1");
  });

  test("switching shopper changes the order, and the choice is remembered", async ({ page }) => {
    await page.goto("/?shopper=12345", { waitUntil: "commit" });
    const alex = await shownRanking(page);

    await page.getByTestId("shopper-switcher").locator("summary").click();
    await page.locator("[data-shopper-id=runner-maya]").click();
    await expect(page).toHaveURL(/shopper=runner-maya/);
    await expect(page.getByText("Ranked for Maya Okafor")).toBeVisible();
    const maya = await shownRanking(page);
    expect(maya).toHaveLength(alex.length);
    expect(maya.slice(0, 10)).not.toEqual(alex.slice(0, 10));

    await page.goto("/", { waitUntil: "commit" });
    await expect(page.getByText("Ranked for Maya Okafor")).toBeVisible();
    expect(await shownRanking(page)).toEqual(maya);
  });

  test("?q= and ?category= narrow the grid to what the API ranks for them", async ({ page, request }) => {
    await page.goto("/?shopper=12345&q=headphones", { waitUntil: "commit" });
    const headphones = await shownRanking(page);
    const expected = await apiRanking(request, "shopper=12345&q=headphones");
    expect(headphones).toEqual(expected);
    expect(headphones.length).toBeGreaterThan(0);
    expect(headphones.length).toBeLessThan(20);
    expect(headphones).toContain("2");

    await page.getByRole("link", { name: "Books", exact: true }).click();
    await expect(page).toHaveURL(/category=books/);
    await expect(page.getByText(/in Books/)).toBeVisible();
    const books = await shownRanking(page);
    expect(books).toEqual(await apiRanking(request, "shopper=12345&category=books"));
    expect(books).toContain("10");
    expect(books).not.toContain("1");

    // The search box searches within the category being browsed.
    await page.getByRole("searchbox").fill("sci-fi");
    await page.getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL(/q=sci-fi/);
    await expect(page).toHaveURL(/category=books/);
    expect(await shownRanking(page)).toEqual(await apiRanking(request, "shopper=12345&category=books&q=sci-fi"));
  });

  test("bad input shows a clear message, never a crash", async ({ page }) => {
    const unknownShopper = await page.goto("/?shopper=nobody-here");
    expect(unknownShopper?.status()).toBe(200);
    await expect(page.getByTestId("notice")).toContainText("We don’t know a shopper called “nobody-here”");
    await expect(page.getByTestId("notice").getByRole("link", { name: "Maya Okafor" })).toBeVisible();

    await page.goto("/?category=spaceships");
    await expect(page.getByTestId("notice")).toContainText('unknown category "spaceships"');

    await page.goto(`/?q=${"a".repeat(201)}`);
    await expect(page.getByTestId("notice")).toContainText("longer than 200 characters");

    await page.goto("/?q=zzzqqqxxx", { waitUntil: "commit" });
    await expect(page.getByTestId("notice")).toContainText("No products match");
  });
});

test.describe("product pages", () => {
  test("a card opens its product page, which says why it was picked", async ({ page }) => {
    await page.goto("/?shopper=12345", { waitUntil: "commit" });
    await shownRanking(page);
    await page.locator("[data-testid=ranked-card][data-product-id='1']").getByRole("link").click();
    await expect(page).toHaveURL(/\/products\/1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apple MacBook Air (2023)");
    await expect(page.getByText("$1,099.00")).toBeVisible();
    await expect(page.getByTestId("add-to-cart")).toBeVisible();
    await expect(page.getByTestId("why-picked")).toContainText("Apple");
    await expect(page.locator("img[alt='Apple MacBook Air (2023)']")).toBeVisible();
  });

  test("an unknown product is a 404 page with a way back", async ({ page }) => {
    const response = await page.goto("/products/99999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
    await page.getByRole("link", { name: "Back to your picks" }).click();
    await expect(page.getByTestId("ranked-grid")).toBeVisible();
  });
});
