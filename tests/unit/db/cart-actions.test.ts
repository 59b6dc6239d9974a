import { beforeEach, describe, expect, it, vi } from "vitest";

// Server actions read and set cookies through next/headers: a plain in-memory jar stands in for a request.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const { addToCart, removeFromCart, setQuantity } = await import("@/app/actions/cart");
const { recordVisit } = await import("@/app/actions/signals");
const { cartCount } = await import("@/lib/cart/cart");
const { getLiveSignals } = await import("@/lib/signals/live-signals");
const { BROWSER_COOKIE } = await import("@/lib/browser/browser-id");

const browser = () => jar.get(BROWSER_COOKIE);

describe("cart server actions", () => {
  beforeEach(() => jar.clear());

  it("gives a browser with no id a new one, adds, and records the cart signal", async () => {
    expect(await addToCart({ productId: "1" })).toEqual({ ok: true, quantity: 1 });
    expect(browser()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await cartCount(browser())).toBe(1);
    expect((await getLiveSignals(browser())).cart.map((product) => product.id)).toEqual(["1"]);
  });

  it.each([
    [{ productId: "1", quantity: 0 }, "The quantity must be at least 1."],
    [{ productId: "1", quantity: -2 }, "The quantity must be at least 1."],
    [{ productId: "1", quantity: 1.5 }, "The quantity must be a whole number."],
    [{ productId: "1", quantity: 21 }, "At most 20 of one product fit in a cart."],
    [{ productId: "1", quantity: "3" }, "The quantity must be a number."],
    [{ productId: "1", quantity: -5 }, "The quantity must be at least 1."],
    [{ productId: "1", quantity: 1e9 }, "At most 20 of one product fit in a cart."],
    [{ productId: "1", quantity: "abc" }, "The quantity must be a number."],
    [{ productId: Array.from({ length: 10_000 }, (_, i) => String(i + 1)) }, "Which product?"],
    [{ productId: "DROP TABLE" }, "That is not a product id."],
    [{ productId: "424242" }, "There is no product 424242."],
    [{}, "Which product?"],
    [null, "That request is not valid."],
  ])("refuses %j with a clear message and writes nothing", async (input, error) => {
    jar.set(BROWSER_COOKIE, crypto.randomUUID());
    const result = await addToCart(input);
    expect(result).toEqual({ ok: false, error });
    expect(await cartCount(browser())).toBe(0);
  });

  it("sets a quantity within bounds and removes, refusing bad input", async () => {
    await addToCart({ productId: "5", quantity: 2 });
    expect(await setQuantity({ productId: "5", quantity: 7 })).toEqual({ ok: true, quantity: 7 });
    expect((await setQuantity({ productId: "5", quantity: 0 })).ok).toBe(false);
    expect(await cartCount(browser())).toBe(7);
    expect(await removeFromCart({ productId: "5" })).toEqual({ ok: true, quantity: 0 });
    expect(await cartCount(browser())).toBe(0);
  });

  it("records visits as signals, ignoring unknown products and categories", async () => {
    expect(await recordVisit({ kind: "view", productId: "3" })).toEqual({ ok: true });
    expect(await recordVisit({ kind: "view", productId: "999999" })).toEqual({ ok: false });
    expect(await recordVisit({ kind: "category", category: "spaceships" })).toEqual({ ok: false });
    expect(await recordVisit({ kind: "search", query: "  tents " })).toEqual({ ok: true });
    expect(await recordVisit({ kind: "teleport" })).toEqual({ ok: false });
    expect(await recordVisit({ kind: "search", query: "head\u0000phones" })).toEqual({ ok: false });
    const signals = await getLiveSignals(browser());
    expect(signals.recentlyViewed.map((product) => product.id)).toEqual(["3"]);
    expect(signals.recentSearches).toEqual(["tents"]);
    expect(signals.recentCategories).toEqual([]);
  });
});
