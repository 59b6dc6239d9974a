import { NextRequest } from "next/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addToCart, getCart } from "@/lib/cart/cart";
import { getDb } from "@/lib/db/client";
import { orders, products } from "@/lib/db/schema";
import { getOrder, listOrders, placeOrder } from "@/lib/orders/orders";
import { prepareRanking } from "@/lib/ranking/service/query";
import { startRanking } from "@/lib/ranking/service/start-ranking";
import { markNotInterested, rateProduct } from "@/lib/shoppers/answers";
import { forgetBrowser, removeFact, storedRows } from "@/lib/shoppers/forget";
import { getOwnShopper, ownShopperId } from "@/lib/shoppers/own-shopper";
import { recordEvent } from "@/lib/signals/events";
import { takeModelBudget } from "@/lib/ranking/service/limits/model-budget";

const newBrowser = () => crypto.randomUUID();
const order = (key = crypto.randomUUID()) => ({ name: "Sam", email: "sam@example.com", idempotencyKey: key });

describe("orders (database)", () => {
  it("places the cart once per idempotency key, at the prices of the moment, and empties the cart", async () => {
    const browser = newBrowser();
    await addToCart(browser, "10", 2);
    await addToCart(browser, "4", 1);
    const key = crypto.randomUUID();
    // A double submit: the same key twice at once, then once more later.
    const [first, second] = await Promise.all([placeOrder(browser, order(key)), placeOrder(browser, order(key))]);
    const again = await placeOrder(browser, order(key));
    expect(first.ok && second.ok && again.ok).toBe(true);
    const ids = new Set([first, second, again].map((placed) => (placed.ok ? placed.orderId : "")));
    expect(ids.size).toBe(1);
    expect((await listOrders(browser)).length).toBe(1);
    expect((await getCart(browser)).lines).toEqual([]);

    const [placed] = await listOrders(browser);
    expect(placed?.lines.map((line) => [line.productId, line.quantity, line.priceCents])).toEqual([
      ["4", 1, 24999],
      ["10", 2, 1899],
    ]);
    expect(placed?.totalCents).toBe(2 * 1899 + 24999);
    // A price change later does not change the order.
    const db = await getDb();
    await db.update(products).set({ priceCents: 1 }).where(eq(products.id, "10"));
    expect((await getOrder(browser, placed?.id ?? ""))?.totalCents).toBe(2 * 1899 + 24999);
    await db.update(products).set({ priceCents: 1899 }).where(eq(products.id, "10"));
  });

  it("refuses an empty cart, and shows an order only to the browser that placed it", async () => {
    const browser = newBrowser();
    expect(await placeOrder(browser, order())).toEqual({ ok: false, error: "Your cart is empty: there is nothing to order." });
    await addToCart(browser, "2", 1);
    const placed = await placeOrder(browser, order());
    if (!placed.ok) throw new Error(placed.error);
    expect(await getOrder(browser, placed.orderId)).toBeDefined();
    expect(await getOrder(newBrowser(), placed.orderId)).toBeUndefined();
    expect(await getOrder(undefined, placed.orderId)).toBeUndefined();
    expect(await getOrder(browser, "not-a-uuid")).toBeUndefined();
    expect(await listOrders(newBrowser())).toEqual([]);
  });
});

describe("a browser's own shopper (database)", () => {
  it("derives the profile from that browser's history only, as it happens", async () => {
    const browser = newBrowser();
    const other = newBrowser();
    for (const id of ["10", "18", "19"]) await recordEvent(browser, "me", { kind: "view", productId: id });
    await recordEvent(browser, "me", { kind: "search", query: "sci-fi" });
    await recordEvent(other, "me", { kind: "search", query: "someone else's search" });
    await addToCart(browser, "18", 1);
    const placed = await placeOrder(browser, order());
    if (!placed.ok) throw new Error(placed.error);
    expect(await rateProduct(browser, "18", 5)).toEqual({ ok: true });
    expect(await rateProduct(browser, "1", 5)).toEqual({ ok: false, error: "You can rate a product once you have bought it." });
    expect(await rateProduct(other, "18", 1)).toMatchObject({ ok: false });
    await markNotInterested(browser, "20");

    const { profile } = await getOwnShopper(browser);
    expect(profile).toMatchObject({ id: ownShopperId(browser), name: "You", recentPurchases: ["sci-fi book"], browsedCategories: ["Books"], ratings: { "sci-fi book": 5 }, searchHistory: ["sci-fi"], notInterested: ["20"] });
    expect((await getOwnShopper(other)).profile).toMatchObject({ recentPurchases: [], searchHistory: ["someone else's search"], notInterested: [] });
    expect((await getOwnShopper(undefined)).profile).toMatchObject({ id: "me", recentPurchases: [], browsedCategories: [] });
  });

  it("leaves a product it is not interested in out of its rankings, whoever it shops as", async () => {
    const browser = newBrowser();
    await markNotInterested(browser, "1");
    for (const shopper of ["me", "12345"]) {
      const prepared = await prepareRanking({ shopper }, 100, { id: browser });
      if (!prepared.ok) throw new Error(prepared.error);
      expect(prepared.value.candidates.map((product) => product.id)).not.toContain("1");
    }
    const fresh = await prepareRanking({ shopper: "12345" }, 100, { id: newBrowser() });
    expect(fresh.ok && fresh.value.candidates.map((product) => product.id)).toContain("1");
  });

  it("removes one fact by its rows, and forgets everything of the browser in one go, leaving others alone", async () => {
    const browser = newBrowser();
    const other = newBrowser();
    for (const id of [browser, other]) {
      for (const product of ["10", "18", "19"]) await recordEvent(id, "me", { kind: "view", productId: product });
      await recordEvent(id, "me", { kind: "search", query: "dune" });
      await recordEvent(id, "me", { kind: "view", productId: "1" });
      await addToCart(id, "19", 1);
      const placed = await placeOrder(id, order());
      if (!placed.ok) throw new Error(placed.error);
      await rateProduct(id, "19", 4);
      await markNotInterested(id, "2");
      await addToCart(id, "3", 1);
      await takeModelBudget({ browserId: id });
      const prepared = await prepareRanking({ shopper: "me" }, 100, { id });
      if (!prepared.ok) throw new Error(prepared.error);
      for await (const _event of startRanking(prepared.value, new AbortController().signal)) {
        // read to the end: the ranking is stored
      }
    }
    await removeFact(browser, "search", "dune");
    expect((await getOwnShopper(browser)).profile.searchHistory).toEqual([]);
    await removeFact(browser, "category", "books");
    expect((await getOwnShopper(browser)).profile.browsedCategories).toEqual([]);

    const before = await storedRows(browser);
    expect(before).toEqual({ events: expect.any(Number), carts: 1, orders: 1, ratings: 1, notInterested: 1, rankings: expect.any(Number), rateLimits: 1, showings: expect.any(Number), interactions: expect.any(Number) });
    expect(before.events).toBeGreaterThan(0);
    expect(before.rankings).toBeGreaterThan(0);
    const othersBefore = await storedRows(other);
    await forgetBrowser(browser);
    expect(await storedRows(browser)).toEqual({ events: 0, carts: 0, orders: 0, ratings: 0, notInterested: 0, rankings: 0, rateLimits: 0, showings: 0, interactions: 0 });
    expect(await storedRows(other)).toEqual(othersBefore);
    const db = await getDb();
    expect((await db.select().from(orders).where(and(eq(orders.browserId, other)))).length).toBe(1);
  });
});

describe("GET /api/profile", () => {
  it("answers the calling browser's profile, and an empty one without a cookie", async () => {
    const { GET } = await import("@/app/api/profile/route");
    const browser = newBrowser();
    await recordEvent(browser, "me", { kind: "search", query: "yoga mat" });
    const mine = await GET(new NextRequest("http://localhost/api/profile", { headers: { cookie: `aisle-browser=${browser}` } }));
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ shopper: "me", profile: { searchHistory: ["yoga mat"], loyaltyStatus: "New Customer" } });
    const none = await (await GET(new NextRequest("http://localhost/api/profile"))).json();
    expect(none.profile.searchHistory).toEqual([]);
    const forged = await (await GET(new NextRequest("http://localhost/api/profile", { headers: { cookie: "aisle-browser=not-a-uuid" } }))).json();
    expect(forged.profile.searchHistory).toEqual([]);
  });
});
