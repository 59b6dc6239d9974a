import { describe, expect, it } from "vitest";
import { PRODUCTS } from "@/lib/catalog/data/products";
import type { Product } from "@/lib/catalog/types";
import { writeReason } from "@/lib/embedded-ranker/reason";
import { scoreCandidates, type ShopperContext } from "@/lib/embedded-ranker/score";
import { kindNamesOf, kindStemsOf, vocabularyFor } from "@/lib/embedded-ranker/product-words";
import { parseSearch } from "@/lib/embedded-ranker/searches";
import { correct } from "@/lib/embedded-ranker/typos";
import { editDistance } from "@/lib/text/typing-slips";
import { sameStem, stem, stems } from "@/lib/embedded-ranker/words";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import { NO_SIGNALS, type LiveSignals, type ShopperProfile, type SignalProduct } from "@/lib/shoppers/types";
import { shopper } from "@/tests/support/fixtures";

// The embedded ranker's answers to its known weaknesses (docs/architecture.md §4; EVALS.md measures them).

const product = (id: string) => PRODUCTS.find((item) => item.id === id) as Product;
const signal = (id: string): SignalProduct => {
  const { name, brand, kind, category } = product(id);
  return { id, name, brand, kind, category };
};
/** A shopper with no profile to speak of, and no usual spend. */
const nobody: ShopperProfile = { ...shopper, averageMonthlySpend: 0 };

function rank(profile: Partial<ShopperProfile>, options: { signals?: Partial<LiveSignals>; candidates?: readonly Product[]; search?: string } = {}) {
  const context: ShopperContext = {
    shopper: { ...nobody, ...profile },
    signals: { ...NO_SIGNALS, ...options.signals },
    candidates: options.candidates ?? PRODUCTS,
    search: options.search,
  };
  const scored = scoreCandidates(context);
  return { ids: scored.map((entry) => entry.product.id), reasons: new Map(scored.map((entry) => [entry.product.id, writeReason(entry)])) };
}
const kindOf = (id: string) => product(id).kind;

describe("words", () => {
  it("stems plurals, -ing and -er so a search meets the catalog's words", () => {
    expect(["laptops", "running", "runner", "cooking", "headphones"].map(stem)).toEqual(["laptop", "run", "run", "cook", "headphon"]);
    expect(sameStem("cook", "cookwar")).toBe(true);
  });

  it("matches whole words only: lips is not Philips, red is not reduce", () => {
    expect(stems("Philips TAH6506")).not.toContain("lip");
    expect(sameStem("red", "reduc")).toBe(false);
  });

  it("reads a typo as the catalog word one edit away, keeping the first letter", () => {
    const vocabulary = new Map([["headphones", 5], ["espresso", 2], ["mat", 3], ["matte", 1], ["air", 2], ["fryer", 1]]);
    expect(correct("hedphones", vocabulary)).toBe("headphones");
    expect(correct("expresso", vocabulary)).toBe("espresso");
    expect(correct("matt", vocabulary)).toBe("mat");
    expect(correct("hair", vocabulary)).toBe("hair");
    expect(correct("dryer", vocabulary)).toBe("dryer");
    expect(editDistance("expresso", "espresso", 2)).toBe(1);
  });
});

describe("searches", () => {
  const parse = (text: string, candidates: readonly Product[] = PRODUCTS) =>
    parseSearch(text, { vocabulary: vocabularyFor(candidates), kinds: kindStemsOf(candidates), kindNames: kindNamesOf(candidates) });

  it("reads a price limit with its currency, commas and all, and leaves it out of what is searched for", () => {
    expect(parse("laptop under $1,000")).toMatchObject({ priceCap: 1000, heads: ["laptop"], modifiers: [], cheap: true });
    expect(parse("max 40 dollars headlamp")).toMatchObject({ priceCap: 40 });
    expect(parse("tent up to 4 people").priceCap).toBeUndefined();
    expect(parse("delivery within 2 days").priceCap).toBeUndefined();
  });

  it("corrects towards the whole catalog's words, not only those in view: on the books page boots stay boots", () => {
    const books = PRODUCTS.filter((item) => item.category === "books");
    expect(parse("hiking boots", books).heads).not.toContain("book");
  });
});

describe("the embedded ranker", () => {
  it("ranks the kind a search names above products that only share a word with it", () => {
    const { ids, reasons } = rank({ searchHistory: ["best budget laptops"] }, { candidates: PRODUCTS.filter((item) => item.category === "electronics") });
    expect(ids.slice(0, 2).map(kindOf)).toEqual(["laptop", "laptop"]);
    // Budget headphones share "budget" but are no laptop: their reason does not claim the search.
    expect(reasons.get("16")).not.toContain("best budget laptops");
  });

  it("does not read an air fryer search as one for a MacBook Air", () => {
    const { ids, reasons } = rank({ searchHistory: ["air fryer"] });
    expect(ids[0]).toBe("44");
    expect(reasons.get("1")).not.toContain("air fryer");
  });

  it("finds what a misspelt search meant", () => {
    const { ids } = rank({}, { signals: { recentSearches: ["wireles hedphones"] }, candidates: PRODUCTS.filter((item) => item.category === "electronics") });
    expect(kindOf(ids[0] as string)).toBe("headphones");
  });

  it("ranks a gift by the recipient's interests, not the buyer's own tastes", () => {
    const { ids, reasons } = rank({ preferredBrands: ["Sony", "Anker"], browsedCategories: ["Electronics"], searchHistory: ["gift for my dad who loves cooking"] });
    expect(ids.slice(0, 5).every((id) => product(id).category !== "electronics")).toBe(true);
    expect(reasons.get(ids[0] as string)).toContain("someone who loves cooking");
  });

  it("lets this visit outweigh a profile it contradicts", () => {
    const runner = PROFILES.find((profile) => profile.id === "runner-maya") as ShopperProfile;
    const { ids } = rank(runner, { signals: { recentlyViewed: [signal("47"), signal("46")], recentSearches: ["cast iron pan"], recentCategories: ["home-kitchen"] } });
    expect(ids.slice(0, 2).sort()).toEqual(["46", "47"]);
  });

  it("raises what goes with the cart and lowers its alternatives", () => {
    const { ids, reasons } = rank({}, { signals: { cart: [signal("13")] }, candidates: PRODUCTS.filter((item) => item.category === "electronics") });
    const laptops = ids.filter((id) => kindOf(id) === "laptop" && id !== "13");
    expect(ids.indexOf(laptops[0] as string)).toBeGreaterThan(ids.findIndex((id) => kindOf(id) === "headphones"));
    expect(ids.at(-1)).toBe("13");
    expect(reasons.get(ids[0] as string)?.toLowerCase()).toContain("goes with the lenovo ideapad slim 3 in your cart");
  });

  it("lowers the cart's alternatives whatever else is in the cart", () => {
    // Headphones first in the cart: a laptop goes with them, yet a laptop is also in the cart.
    const { ids } = rank({}, { signals: { cart: [signal("2"), signal("13")] }, candidates: PRODUCTS.filter((item) => item.category === "electronics") });
    const laptop = ids.findIndex((id) => kindOf(id) === "laptop" && id !== "13");
    expect(ids.slice(0, laptop).length).toBeGreaterThan(3);
  });

  it("holds a price limit against what answers its search only", () => {
    const { reasons } = rank({ searchHistory: ["tent under $100"] }, { candidates: PRODUCTS.filter((item) => item.category === "outdoors" || item.id === "50") });
    expect(reasons.get("54")).toContain("over your $100 limit");
    expect(reasons.get("50")).not.toContain("limit");
  });

  it("keeps a disliked brand out of the first five, even when it is the only match", () => {
    const { ids } = rank({ dislikedBrands: ["Drunk Elephant"], searchHistory: ["vitamin c serum"] }, { candidates: PRODUCTS.filter((item) => item.category === "beauty") });
    expect(ids.slice(0, 5)).not.toContain("66");
  });

  it("holds a tight budget against expensive picks, less so for what the shopper searches for", () => {
    const { ids } = rank({ averageMonthlySpend: 45, browsedCategories: ["Fitness"] }, { candidates: PRODUCTS.filter((item) => item.category === "fitness") });
    expect(ids.indexOf("33")).toBeGreaterThan(ids.indexOf("28"));
    const searched = rank({ averageMonthlySpend: 45, searchHistory: ["adjustable dumbbells"] }, { candidates: PRODUCTS.filter((item) => item.category === "fitness") });
    expect(searched.ids[0]).toBe("33");
  });

  it("puts what was typed on the page first, and only the real matches", () => {
    const lips = PRODUCTS.filter((item) => `${item.name} ${item.brand} ${item.tags.join(" ")}`.toLowerCase().includes("lips"));
    const { ids } = rank({}, { candidates: lips, search: "lips" });
    expect(ids.slice(0, 3).every((id) => product(id).brand !== "Philips")).toBe(true);
  });
});

describe("a product nobody has rated yet (rating 0, from an import)", () => {
  const unrated = (id: string): Product => ({ ...product(id), id: `${id}0`, rating: 0, reviewCount: 0 });

  it("ranks as an average product, not the worst, and says it is not yet rated", () => {
    const candidates = [product("27"), unrated("27"), { ...product("27"), id: "271", rating: 1, reviewCount: 50 }];
    const { ids, reasons } = rank({}, { candidates });
    expect(ids.indexOf("270")).toBeLessThan(ids.indexOf("271"));
    expect(reasons.get("270")).toBe("Not yet rated.");
  });
});
