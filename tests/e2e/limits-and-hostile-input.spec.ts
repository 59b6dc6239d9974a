import { expect, test } from "./support/test";
import { E2E_BASE_URL, LIMITED_APP_URL } from "./support/urls";

// Every model call is money, and nothing a client sends yields a 5xx (docs/architecture.md §13).

test.describe("a client past its budget of fresh model rankings", () => {
  test.use({ baseURL: LIMITED_APP_URL });

  test("the API answers 429 with Retry-After before streaming; a replay is free; the page shows Aisle's own order and says why", async ({ page, request }) => {
    // Two fresh rankings are the budget; the same request again is a replay and costs nothing.
    for (const category of ["books", "fitness"]) expect((await request.get(`/api/rankings?shopper=reader-lin&category=${category}`)).status()).toBe(200);
    const replay = await request.get("/api/rankings?shopper=reader-lin&category=books");
    expect(replay.status()).toBe(200);
    expect((await replay.text()).trim().split("\n").at(-1)).toContain('"replay":true');

    const refused = await request.get("/api/rankings?shopper=reader-lin&category=beauty");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toContain("at most 2 a minute");

    // Aisle's own order for this shelf, asked of the suite's main app (same seed catalog, a budget no test
    // reaches): the simulated model ranks with the embedded ranker's scorer, and the rest follows in that
    // ranker's order (DESIGN §5.1, §6), so its whole ranking is the embedded ranker's order.
    const own = await request.get(`${E2E_BASE_URL}/api/rankings?shopper=reader-lin&category=outdoors`);
    expect(own.status()).toBe(200);
    const ownOrder = (await own.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; id?: string })
      .flatMap((line) => (line.type === "item" && line.id ? [line.id] : []));
    expect(ownOrder.length).toBeGreaterThan(3);

    // The page, from the same address: every product at once in the embedded ranker's order, no model call.
    await page.goto("/?shopper=reader-lin&category=outdoors");
    await expect(page.getByTestId("ranked-grid")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("ranking-status")).toContainText("You asked for many fresh rankings this minute");
    const shown = await page.getByTestId("ranked-card").evaluateAll((cards) => cards.map((card) => ({ id: card.getAttribute("data-product-id"), source: card.getAttribute("data-source") })));
    expect(shown.map((card) => card.id)).toEqual(ownOrder);
    expect(shown.map((card) => card.source)).toEqual(ownOrder.map(() => "fallback"));
  });
});

test.describe("security headers and hostile input", () => {
  test("every page and route carries the security headers; pages a nonce CSP", async ({ request }) => {
    const pages = ["/?shopper=12345&q=zzznothing", "/products/1", "/cart", "/no-such-page"];
    const routes = ["/api/rankings", "/api/health"];
    const files = ["/products/1.svg"];
    const all = [...pages, ...routes, ...files];
    // Each asked once; the assertions below run for every path of their list, none behind a condition.
    const headersOf = new Map<string, Record<string, string>>();
    for (const path of all) headersOf.set(path, (await request.get(path)).headers());
    const header = (path: string, name: string) => headersOf.get(path)?.[name];

    for (const path of all) {
      expect(header(path, "x-content-type-options"), path).toBe("nosniff");
      expect(header(path, "x-frame-options"), path).toBe("DENY");
      expect(header(path, "referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(header(path, "permissions-policy"), path).toContain("camera=()");
      expect(header(path, "strict-transport-security"), `${path} over plain HTTP`).toBeUndefined();
    }
    for (const path of [...pages, ...routes]) expect(header(path, "content-security-policy"), path).toContain("frame-ancestors 'none'");
    for (const path of pages) {
      expect(header(path, "content-security-policy"), path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(header(path, "content-security-policy"), path).not.toContain("unsafe-eval");
    }
  });

  test("a control character in q is a 400 from the API and a notice on the page", async ({ page, request }) => {
    for (const q of ["%00", "head%00phones", "%1b[31m"]) {
      const response = await request.get(`/api/rankings?shopper=12345&q=${q}`);
      expect(response.status(), q).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain("control character");
    }
    const response = await page.goto("/?shopper=12345&q=head%00phones");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("notice")).toContainText("control character");
  });

  test("a control character in a shopper, product or category id is no such thing, never a server error", async ({ request }) => {
    for (const [path, status] of [
      ["/?shopper=%00", 200],
      ["/?shopper=12345&category=%00", 200],
      ["/products/%00", 404],
      ["/api/rankings?shopper=%00", 400],
    ] as const) {
      expect((await request.get(path)).status(), path).toBe(status);
    }
  });

  test("a server action from another site, with a malformed Origin, or with a huge body is refused with a 4xx and writes nothing", async ({ page, request }) => {
    await page.goto("/products/1");
    // The real action id, as the page's own button would post it.
    const posted = page.waitForRequest((candidate) => candidate.method() === "POST" && candidate.headers()["next-action"] !== undefined);
    await page.getByTestId("add-to-cart").click();
    const action = await posted;
    const actionId = action.headers()["next-action"] ?? "";
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    const post = (headers: Record<string, string>, data: string) =>
      request.post("/products/1", { headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", cookie, ...headers }, data });
    const body = JSON.stringify([{ productId: "1", quantity: 1 }]);

    expect((await post({ origin: "https://evil.example" }, body)).status()).toBe(403);
    expect((await post({ origin: "undefined" }, body)).status()).toBe(403);
    expect((await post({ origin: "null" }, body)).status()).toBe(403);
    // The app's own origin (whatever port the suite runs it on): only the body's size is wrong.
    expect((await post({ origin: E2E_BASE_URL }, "x".repeat(1024 * 1024))).status()).toBe(413);

    await page.reload();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
  });
});
