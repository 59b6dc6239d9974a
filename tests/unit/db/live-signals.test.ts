import { describe, expect, it } from "vitest";
import { addToCart } from "@/lib/cart/cart";
import { recordEvent } from "@/lib/signals/events";
import { inputsFingerprint } from "@/lib/ranking/service/ranking-key";
import { getLiveSignals } from "@/lib/signals/live-signals";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import { NO_SIGNALS, type ShopperProfile } from "@/lib/shoppers/types";

describe("live signals (database)", () => {
  it("gives the browser's cart and its recent views, searches and categories: newest first, distinct, bounded", async () => {
    const browser = crypto.randomUUID();
    await addToCart(browser, "1", 1);
    for (const id of ["2", "3", "2", "4", "5", "6", "7", "8", "9"]) await recordEvent(browser, "12345", { kind: "view", productId: id });
    for (const query of ["tents", "Yoga Mats", "yoga mats"]) await recordEvent(browser, "12345", { kind: "search", query });
    await recordEvent(browser, "12345", { kind: "category", category: "books" });
    await recordEvent(browser, "12345", { kind: "category", category: "fitness" });

    const signals = await getLiveSignals(browser);
    expect(signals.cart.map((product) => product.id)).toEqual(["1"]);
    expect(signals.cart[0]).toMatchObject({ name: "Apple MacBook Air (2023)", brand: "Apple", category: "electronics" });
    expect(signals.recentlyViewed.map((product) => product.id)).toEqual(["9", "8", "7", "6", "5", "4"]);
    expect(signals.recentSearches).toEqual(["yoga mats", "tents"]);
    expect(signals.recentCategories).toEqual(["fitness", "books"]);
  });

  it("is empty for a browser with no id or no history, and other browsers' events do not leak in", async () => {
    expect(await getLiveSignals(undefined)).toEqual(NO_SIGNALS);
    const quiet = crypto.randomUUID();
    await recordEvent(crypto.randomUUID(), "12345", { kind: "search", query: "someone else" });
    expect(await getLiveSignals(quiet)).toEqual(NO_SIGNALS);
  });

  it("fingerprints inputs: equal profiles, signals and candidates match; a cart or profile change does not", async () => {
    const browser = crypto.randomUUID();
    const seed = PROFILES[0] as ShopperProfile;
    const ids = ["1", "2", "3"];
    const before = inputsFingerprint(seed, await getLiveSignals(browser), ids);
    expect(inputsFingerprint(seed, await getLiveSignals(browser), ids)).toBe(before);
    await addToCart(browser, "3", 1);
    expect(inputsFingerprint(seed, await getLiveSignals(browser), ids)).not.toBe(before);
    expect(inputsFingerprint(seed, NO_SIGNALS, ["1", "2"])).not.toBe(inputsFingerprint(seed, NO_SIGNALS, ["2", "1"]));
    expect(inputsFingerprint({ ...seed, searchHistory: ["tents"] }, NO_SIGNALS, ids)).not.toBe(inputsFingerprint(seed, NO_SIGNALS, ids));
  });
});
