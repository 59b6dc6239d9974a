import { describe, expect, it } from "vitest";
import { addToCart, cartCount, getCart, MAX_QUANTITY, removeFromCart, setCartQuantity } from "@/lib/cart/cart";

const newBrowser = () => crypto.randomUUID();

describe("the cart (database)", () => {
  it("adds, sums repeated adds, and totals in cents", async () => {
    const browser = newBrowser();
    expect(await addToCart(browser, "10", 1)).toEqual({ ok: true, quantity: 1 });
    expect(await addToCart(browser, "10", 2)).toEqual({ ok: true, quantity: 3 });
    expect(await addToCart(browser, "4", 1)).toEqual({ ok: true, quantity: 1 });
    const cart = await getCart(browser);
    expect(cart.lines.map((line) => [line.product.id, line.quantity])).toEqual([
      ["10", 3],
      ["4", 1],
    ]);
    expect(cart.count).toBe(4);
    expect(cart.subtotal).toBe(306.96);
    expect(await cartCount(browser)).toBe(4);
  });

  it("loses nothing when two tabs add at once", async () => {
    const browser = newBrowser();
    const results = await Promise.all(Array.from({ length: 10 }, () => addToCart(browser, "2", 1)));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await cartCount(browser)).toBe(10);
  });

  it("refuses an unknown product, a bad quantity, or more than the maximum, writing nothing", async () => {
    const browser = newBrowser();
    expect(await addToCart(browser, "999999", 1)).toMatchObject({ ok: false, error: "There is no product 999999." });
    for (const quantity of [0, -1, 1.5, MAX_QUANTITY + 1, Number.NaN]) {
      expect((await addToCart(browser, "1", quantity)).ok).toBe(false);
    }
    expect(await cartCount(browser)).toBe(0);

    await addToCart(browser, "1", MAX_QUANTITY - 1);
    expect(await addToCart(browser, "1", 2)).toEqual({ ok: false, error: `At most ${MAX_QUANTITY} of one product fit in a cart.` });
    expect(await cartCount(browser)).toBe(MAX_QUANTITY - 1);
  });

  it("sets a quantity and removes a line, only in its own cart", async () => {
    const mine = newBrowser();
    const theirs = newBrowser();
    await addToCart(mine, "6", 1);
    await addToCart(theirs, "6", 5);
    expect(await setCartQuantity(mine, "6", 4)).toEqual({ ok: true, quantity: 4 });
    expect(await setCartQuantity(mine, "7", 4)).toMatchObject({ ok: false });
    expect(await removeFromCart(mine, "6")).toEqual({ ok: true, quantity: 0 });
    expect(await removeFromCart(mine, "6")).toMatchObject({ ok: false });
    expect(await cartCount(mine)).toBe(0);
    expect(await cartCount(theirs)).toBe(5);
  });

  it("shows an empty cart for a browser with no id", async () => {
    expect(await getCart(undefined)).toEqual({ lines: [], count: 0, subtotal: 0 });
  });
});
