import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { apiRanking, shownRanking } from "./support/grid";

// Every visitor is a shopper (DESIGN §4 "Shoppers, orders, profile"): a fresh browser shops as itself, its
// profile is what it does, and it is its own — another browser reads and changes none of it.

interface Profile {
  profile: { recentPurchases: string[]; browsedCategories: string[]; ratings: Record<string, number>; searchHistory: string[]; notInterested: string[] };
  stored: Record<string, number>;
}

async function profileOf(request: APIRequestContext, browserId?: string): Promise<Profile> {
  const response = await request.get("/api/profile", browserId ? { headers: { cookie: `aisle-browser=${browserId}` } } : {});
  expect(response.status()).toBe(200);
  return (await response.json()) as Profile;
}

async function browserIdOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((entry) => entry.name === "aisle-browser");
  expect(cookie).toBeDefined();
  return cookie?.value ?? "";
}

/** Views a product page and waits for the visit to be recorded (a server action once the page is shown). */
async function view(page: Page, productId: string): Promise<void> {
  const recorded = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes(`/products/${productId}`));
  await page.goto(`/products/${productId}`);
  await recorded;
}

async function buy(page: Page, productId: string): Promise<string> {
  await page.goto(`/products/${productId}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/checkout");
  await page.getByLabel("Name").fill("Sam Shopper");
  await page.getByLabel("Email").fill("sam@example.com");
  await expect(page.getByTestId("place-order")).toBeEnabled();
  // Pressed twice in a row, before the page can answer the first: one order (the form's idempotency key).
  await page.getByTestId("place-order").evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order")).toBeVisible();
  return (await page.getByTestId("order").getAttribute("data-order-id")) ?? "";
}

test.describe("every visitor is a shopper", () => {
  test("a fresh browser is \"You\": three sci-fi books and a search turn its grid to books", async ({ page, request }) => {
    const books = new Set(await apiRanking(request, "shopper=12345&category=books"));
    await page.goto("/", { waitUntil: "commit" });
    await expect(page.getByTestId("shopper-switcher").locator("summary")).toContainText("You");
    const cold = await shownRanking(page);
    expect(cold.slice(0, 4).filter((id) => books.has(id)).length).toBeLessThan(4);

    for (const id of ["10", "18", "19"]) await view(page, id);
    await page.goto("/?q=sci-fi");
    await shownRanking(page);
    await page.goto("/", { waitUntil: "commit" });
    const warm = await shownRanking(page);
    expect(warm.slice(0, 4).every((id) => books.has(id))).toBe(true);

    const { profile } = await profileOf(page.request);
    expect(profile.browsedCategories).toContain("Books");
    expect(profile.searchHistory).toContain("sci-fi");
  });

  test("\"Not interested\" takes the card off at once and the next ranking leaves it out; the profile can undo it", async ({ page }) => {
    await page.goto("/", { waitUntil: "commit" });
    const shown = await shownRanking(page);
    const dismissed = shown[0] ?? "";
    await page.locator(`[data-testid=ranked-card][data-product-id='${dismissed}']`).getByTestId("not-interested").click();
    await expect(page.locator(`[data-testid=ranked-card][data-product-id='${dismissed}']`)).toHaveCount(0);
    const next = await shownRanking(page);
    expect(next).not.toContain(dismissed);
    await page.reload();
    expect(await shownRanking(page)).not.toContain(dismissed);
    expect((await profileOf(page.request)).profile.notInterested).toEqual([dismissed]);

    await page.goto("/profile");
    const fact = page.locator(`[data-testid=profile-fact][data-kind=not-interested][data-value='${dismissed}']`);
    await fact.getByTestId("remove-fact").click();
    await expect(fact).toHaveCount(0);
    expect((await profileOf(page.request)).profile.notInterested).toEqual([]);
  });

  test("checkout makes one order however often it is pressed; the purchase and a rating join the profile; Forget me leaves no row", async ({ page, context }) => {
    const orderId = await buy(page, "18");
    await expect(page.getByTestId("cart-count")).toHaveText("0");
    await page.goto("/orders");
    await expect(page.getByTestId("order")).toHaveCount(1);
    await expect(page.getByTestId("order")).toHaveAttribute("data-order-id", orderId);

    await page.goto("/products/18");
    await page.getByTestId("rate-4").click();
    await expect(page.getByTestId("rate-message")).toHaveText("Thanks: your rating is saved.");
    const { profile, stored } = await profileOf(page.request);
    expect(profile.recentPurchases).toEqual(["sci-fi book"]);
    expect(profile.ratings).toEqual({ "sci-fi book": 4 });
    expect(stored.orders).toBe(1);
    expect(stored.ratings).toBe(1);

    await page.goto("/profile");
    await expect(page.locator("[data-testid=profile-fact][data-kind=purchase]")).toContainText("You bought The Martian");
    await expect(page.locator("[data-testid=profile-fact][data-kind=rating]")).toContainText("4 stars");

    const browserId = await browserIdOf(context);
    expect(Object.values((await profileOf(page.request, browserId)).stored).some((count) => count > 0)).toBe(true);
    await page.getByTestId("forget-me").click();
    await expect(page.getByTestId("forgotten")).toBeVisible();
    await expect(page.getByTestId("profile-empty")).toBeVisible();
    // Every row of the old browser is gone, and the browser starts afresh with a new id.
    expect((await profileOf(page.request, browserId)).stored).toEqual({ events: 0, carts: 0, orders: 0, ratings: 0, notInterested: 0, rankings: 0, rateLimits: 0, showings: 0, interactions: 0 });
    await page.goto("/profile");
    expect(await browserIdOf(context)).not.toBe(browserId);
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  });

  test("another browser reads and changes nothing of the first", async ({ browser }) => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    try {
      const mine = await first.newPage();
      const orderId = await buy(mine, "19");
      await view(mine, "20");
      const theirs = await second.newPage();

      // The order page is the first browser's alone.
      const response = await theirs.goto(`/orders/${orderId}`);
      expect(response?.status()).toBe(404);
      await theirs.goto("/orders");
      await expect(theirs.getByTestId("order")).toHaveCount(0);
      // Its profile is not the first's, and rating what the first bought is refused.
      await theirs.goto("/profile");
      await expect(theirs.getByTestId("profile-empty")).toBeVisible();
      expect((await profileOf(theirs.request)).profile.recentPurchases).toEqual([]);
      await theirs.goto("/products/19");
      await expect(theirs.getByTestId("rate-product")).toHaveCount(0);
      // Its "Forget me" forgets itself only.
      await theirs.goto("/profile");
      await theirs.getByTestId("forget-me").click();
      await expect(theirs.getByTestId("forgotten")).toBeVisible();
      const { profile, stored } = await profileOf(mine.request);
      expect(profile.recentPurchases).toEqual(["sci-fi book"]);
      expect(stored.orders).toBe(1);
      await mine.goto(`/orders/${orderId}`);
      await expect(mine.getByTestId("order")).toBeVisible();
    } finally {
      await first.close();
      await second.close();
    }
  });

  test("?shopper=12345 still ranks the seed profile, and the API ranks the caller's own shopper with shopper=me", async ({ page, request }) => {
    expect((await apiRanking(request, "shopper=12345")).slice(0, 1)).toEqual(["1"]);
    const anonymous = await request.get("/api/rankings?shopper=me");
    expect(anonymous.status()).toBe(200);
    expect(await anonymous.text()).toContain('"type":"done"');
    const forged = await request.get(`/api/rankings?shopper=me-${crypto.randomUUID()}`);
    expect(forged.status()).toBe(400);
    await page.goto("/?shopper=12345", { waitUntil: "commit" });
    expect((await shownRanking(page))[0]).toBe("1");
    // Every ranking shown has an id, and says which arm ranked it (no experiment: the model).
    await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-ranking-id", /^[0-9a-f-]{36}$/);
    await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-arm", "model");
  });
});
