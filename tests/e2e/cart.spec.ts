import { expect, test } from "./support/test";
import { apiLines, apiRanking, recordStreamingFrames, shownRanking, streamingFrames, uniqueSignals, type ApiLine } from "./support/grid";

test.describe("cart and live re-ranking", () => {
  test("adding the MacBook Air re-ranks the grid in place: never blank, the picks mention the cart, the count survives a reload", async ({ page }) => {
    await uniqueSignals(page);
    await page.goto("/?shopper=12345", { waitUntil: "commit" });
    const before = await shownRanking(page);
    await expect(page.getByTestId("cart-count")).toHaveText("0");
    // A marker that a page load would wipe: the re-rank must happen in this document.
    await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));

    await page.locator("[data-testid=ranked-card][data-product-id='1']").getByTestId("add-to-cart").click();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    const grid = page.getByTestId("ranked-grid");
    await expect(grid).toHaveAttribute("data-state", "streaming");
    expect(await page.getByTestId("ranked-card").count()).toBe(before.length);

    const after = await shownRanking(page);
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect([...after].sort()).toEqual([...before].sort());
    expect(after).not.toEqual(before);
    await expect(page.locator(".card-reason").filter({ hasText: "in your cart" }).first()).toBeVisible();

    await page.reload({ waitUntil: "commit" });
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    // Same browser, same signals: the stored ranking is replayed, in the same order.
    expect(await shownRanking(page)).toEqual(after);
    await expect(page.getByTestId("ranking-status")).toContainText("Replayed from a stored ranking");
  });

  test("a filter re-ranks in place: the grid keeps the cards that still match while the new ranking streams", async ({ page, request }) => {
    await uniqueSignals(page);
    await page.goto("/?shopper=12345", { waitUntil: "commit" });
    const everything = await shownRanking(page);
    await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
    await recordStreamingFrames(page);

    await page.getByRole("link", { name: "Electronics", exact: true }).click();
    // The new ranking has started streaming (seen frame by frame, so a short stream is not missed).
    await expect.poll(async () => (await streamingFrames(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);

    const electronics = await shownRanking(page);
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect([...electronics].sort()).toEqual([...(await apiRanking(request, "shopper=12345&category=electronics"))].sort());
    expect(electronics.length).toBeLessThan(everything.length);
    expect(await page.locator("[data-stale]").count()).toBe(0);

    // Every frame of the stream: never blank; every card on screen matches the filter; the new ranking's
    // cards first, in its order, then exactly the previous cards that match and are not placed yet, in
    // their previous order (dimmed).
    const frames = await streamingFrames(page);
    const matching = new Set(electronics);
    expect(frames.some((frame) => frame.stale.length > 0)).toBe(true);
    expect(frames.filter((frame) => frame.placed.length + frame.stale.length === 0)).toEqual([]);
    const shownMidStream = new Set(frames.flatMap((frame) => [...frame.placed, ...frame.stale]));
    expect([...shownMidStream].filter((id) => !matching.has(id))).toEqual([]);
    expect(frames.map((frame) => frame.placed)).toEqual(frames.map((frame) => electronics.slice(0, frame.placed.length)));
    expect(frames.map((frame) => frame.stale)).toEqual(frames.map((frame) => everything.filter((id) => matching.has(id) && !frame.placed.includes(id))));
  });

  test("each browser has its own cart", async ({ page, browser }) => {
    await page.goto("/products/4");
    await page.getByTestId("add-to-cart").click();
    await expect(page.getByTestId("cart-count")).toHaveText("1");

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/cart");
    await expect(otherPage.getByTestId("cart-count")).toHaveText("0");
    await expect(otherPage.getByText("Your cart is empty.")).toBeVisible();
    await other.close();

    await page.goto("/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await expect(page.getByTestId("cart-line").first()).toHaveAttribute("data-product-id", "4");
  });

  test("the cart page sets quantities and totals; too many is refused with a message and nothing written", async ({ page }) => {
    await page.goto("/products/10");
    await page.getByTestId("add-to-cart").click();
    await expect(page.getByTestId("cart-count")).toHaveText("1");

    await page.goto("/cart");
    await page.getByTestId("cart-quantity").selectOption("20");
    await expect(page.getByTestId("cart-count")).toHaveText("20");
    await expect(page.getByTestId("cart-subtotal")).toHaveText("$379.80");

    await page.goto("/products/10");
    await page.getByTestId("add-to-cart").click();
    await expect(page.getByTestId("add-to-cart-message")).toHaveText("At most 20 of one product fit in a cart.");
    await page.reload();
    await expect(page.getByTestId("cart-count")).toHaveText("20");

    await page.goto("/cart");
    await page.getByTestId("cart-remove").click();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await expect(page.getByTestId("cart-count")).toHaveText("0");
  });

  test("a repeated ranking request is replayed from storage: same order, replay true, no model call", async ({ request }) => {
    const first = await apiLines(request, "shopper=12345&q=headphones");
    const second = await apiLines(request, "shopper=12345&q=headphones");
    const ids = (all: ApiLine[]) => all.filter((line) => line.type === "item").map((line) => line.id);
    expect(ids(second)).toEqual(ids(first));
    expect(second.at(-1)).toMatchObject({ type: "done", replay: true });
  });
});
