import { describe, expect, it } from "vitest";
import { buildRankingMessages } from "@/lib/ranking/pipeline/prompt";
import { deriveProfile } from "@/lib/shoppers/history/derive-profile";
import { historySchema, type HistoryProduct } from "@/lib/shoppers/history/history";
import { NO_SIGNALS } from "@/lib/shoppers/types";

const NOW = new Date("2026-12-05T12:00:00Z");
const daysAgo = (days: number, hourUtc = 19) => new Date(Date.UTC(2026, 11, 5 - days, hourUtc)).toISOString();

const product = (id: string, kind: string, brand: string, category: string, priceCents: number, name = `${brand} ${kind}`): HistoryProduct => ({ id, name, brand, kind, category, priceCents });
const PRODUCTS = new Map(
  [
    product("10", "sci-fi book", "Ballantine Books", "books", 1899, "Project Hail Mary"),
    product("18", "sci-fi book", "Crown", "books", 1099, "The Martian"),
    product("19", "sci-fi book", "Ace Books", "books", 1029, "Dune"),
    product("1", "Laptop", "Apple", "electronics", 109_900, "MacBook Air"),
    product("31", "Running Shoes", "Adidas", "fitness", 12_000),
    product("32", "Track Pants", "Adidas", "fitness", 6_000),
    product("5", "Wool Runners", "AllBirds", "fashion", 9_800),
  ].map((entry) => [entry.id, entry]),
);
const CATEGORIES = new Map([
  ["books", "Books"],
  ["electronics", "Electronics"],
  ["fitness", "Fitness Equipment"],
  ["fashion", "Fashion"],
]);

describe("deriveProfile", () => {
  it("is the seed's fields, empty, for a new visitor", () => {
    const { profile, facts } = deriveProfile({ history: historySchema.parse({}), products: PRODUCTS, categoryNames: CATEGORIES }, NOW);
    expect(profile).toEqual({
      recentPurchases: [],
      browsedCategories: [],
      ratings: {},
      searchHistory: [],
      preferredBrands: [],
      dislikedBrands: [],
      notInterested: [],
      loyaltyStatus: "New Customer",
      averageMonthlySpend: 0,
      preferredShoppingTimes: "Not known yet",
    });
    expect(facts).toEqual([]);
  });

  it("fills every field from a history, in the seed's terms, and says where each fact comes from", () => {
    const history = historySchema.parse({
      events: [
        { kind: "view", productId: "10", at: daysAgo(0) },
        { kind: "view", productId: "18", at: daysAgo(0) },
        { kind: "view", productId: "19", at: daysAgo(1) },
        { kind: "search", query: "Sci-Fi", at: daysAgo(1) },
        { kind: "category", category: "books", at: daysAgo(2) },
        // Long ago: decayed below a preference.
        { kind: "view", productId: "1", at: daysAgo(200) },
        { kind: "view", productId: "1", at: daysAgo(201) },
        { kind: "view", productId: "1", at: daysAgo(202) },
      ],
      orders: [
        { at: daysAgo(10), items: [{ productId: "18", quantity: 2, priceCents: 999 }] },
        { at: daysAgo(40), items: [{ productId: "1", quantity: 1 }] },
      ],
      ratings: { "18": 5, "1": 4 },
      notInterested: ["31", "32", "5"],
    });
    const { profile, facts } = deriveProfile({ history, products: PRODUCTS, categoryNames: CATEGORIES }, NOW, "UTC");
    expect(profile.recentPurchases).toEqual(["sci-fi book", "Laptop"]);
    expect(profile.browsedCategories).toEqual(["Books"]);
    expect(profile.ratings).toEqual({ "sci-fi book": 5, Laptop: 4 });
    expect(profile.searchHistory).toEqual(["sci-fi"]);
    // Adidas twice "not interested": disliked, never preferred; AllBirds once: only the product.
    expect(profile.dislikedBrands).toEqual(["Adidas"]);
    expect(profile.notInterested).toEqual(["31", "32", "5"]);
    expect(profile.preferredBrands).toContain("Crown");
    expect(profile.preferredBrands).not.toContain("Adidas");
    // $19.98 at the price it was placed at + $1,099 from the catalog, over 2 months.
    expect(profile.loyaltyStatus).toBe("Silver Member");
    expect(profile.averageMonthlySpend).toBe(559);
    expect(profile.preferredShoppingTimes).toMatch(/^(Weekday|Weekend) Evenings$/);
    expect(facts.find((fact) => fact.kind === "category")).toMatchObject({ value: "books", text: "You often browse Books", source: "4 visits this month" });
    expect(facts.filter((fact) => fact.kind === "not-interested").map((fact) => fact.value)).toEqual(["31", "32", "5"]);
  });

  it("says when they shop in their own time zone", () => {
    // 19:00 UTC on weekdays is morning in Auckland (UTC+13 in December), the next day.
    const events = [1, 2, 3, 4, 5].map((days) => ({ kind: "search" as const, query: "tea", at: daysAgo(days + 1, 19) }));
    const history = historySchema.parse({ events });
    expect(deriveProfile({ history, products: PRODUCTS, categoryNames: CATEGORIES }, NOW, "UTC").profile.preferredShoppingTimes).toMatch(/Evenings$/);
    expect(deriveProfile({ history, products: PRODUCTS, categoryNames: CATEGORIES }, NOW, "Pacific/Auckland").profile.preferredShoppingTimes).toMatch(/Mornings$/);
  });

  it("fills the prompt's shopper block from the history", () => {
    const history = historySchema.parse({ orders: [{ at: daysAgo(3), items: [{ productId: "10", quantity: 1 }] }], ratings: { "10": 5 }, events: [{ kind: "search", query: "space opera", at: daysAgo(0) }] });
    const { profile } = deriveProfile({ history, products: PRODUCTS, categoryNames: CATEGORIES }, NOW);
    const [, , shopperMessage] = buildRankingMessages(
      { shopper: { id: "me-test", name: "You", tagline: "yours", ...profile }, signals: NO_SIGNALS, candidates: [], search: undefined },
      0,
    );
    const block = JSON.parse(shopperMessage?.content.split("\n")[1] ?? "{}");
    expect(block).toMatchObject({ recentPurchases: ["sci-fi book"], ratings: { "sci-fi book": 5 }, searchHistory: ["space opera"], loyaltyStatus: "Bronze Member", averageMonthlySpend: 19 });
    expect(shopperMessage?.content).not.toContain("me-test");
  });
});
