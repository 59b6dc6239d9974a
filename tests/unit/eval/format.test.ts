import { describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { EvalSetError, parseEvalSet } from "@/lib/eval/format";

// The eval set's format (DESIGN §8, EVALS.md): every bad line is named with its number and what is wrong.

const catalog = { products: PRODUCTS, categories: CATEGORIES };
const shopper = {
  recentPurchases: [],
  browsedCategories: [],
  ratings: {},
  searchHistory: ["yoga mats"],
  preferredBrands: [],
  dislikedBrands: [],
  loyaltyStatus: "Standard",
  averageMonthlySpend: 100,
  preferredShoppingTimes: "Evenings",
};
const line = (overrides: Record<string, unknown> = {}) => JSON.stringify({ id: "yoga", shopper, candidates: { category: "fitness" }, relevance: { "6": 3 }, ...overrides });

async function problems(text: string): Promise<string[]> {
  try {
    await parseEvalSet(text, "test.jsonl", catalog);
  } catch (error) {
    if (error instanceof EvalSetError) return error.problems;
    throw error;
  }
  return [];
}

describe("an eval set", () => {
  it("turns a case's history into its shopper by the store's own derivation; a shopper field given besides it wins", async () => {
    const history = {
      events: [
        { kind: "view", productId: "31", at: "2026-11-25T07:02:00Z" },
        { kind: "view", productId: "32", at: "2026-11-25T07:06:00Z" },
        { kind: "cart-add", productId: "31", at: "2026-11-25T07:08:00Z" },
        { kind: "search", query: "Running", at: "2026-11-26T06:45:00Z" },
      ],
      orders: [{ at: "2026-11-20T07:00:00Z", items: [{ productId: "35", quantity: 1 }] }],
      ratings: { "35": 4 },
      notInterested: ["29", "30"],
    };
    const set = await parseEvalSet(`${JSON.stringify({ id: "runner", history, shopper: { loyaltyStatus: "Gold Member" }, candidates: { category: "fitness" }, relevance: { "31": 3 } })}\n`, "test.jsonl", catalog);
    expect(set.cases[0]?.shopper).toMatchObject({
      recentPurchases: ["massage gun"],
      browsedCategories: ["Fitness"],
      ratings: { "massage gun": 4 },
      searchHistory: ["running"],
      dislikedBrands: ["Adidas"],
      notInterested: ["29", "30"],
      loyaltyStatus: "Gold Member",
    });
    expect(await problems(`${JSON.stringify({ id: "bad", history: { ...history, notInterested: ["999"] }, candidates: { category: "fitness" }, relevance: { "31": 3 } })}\n`)).toEqual([
      'line 1: case "bad": history.notInterested: product "999" is not in the catalog',
    ]);
  });

  it("reads a case: its candidates from the search, in the catalog's popular order, its grades", async () => {
    const set = await parseEvalSet(`${line()}\n`, "test.jsonl", catalog);
    expect(set.cases).toHaveLength(1);
    const [only] = set.cases;
    expect(only?.candidates.every((product) => product.category === "fitness")).toBe(true);
    expect(only?.relevance).toEqual({ "6": 3 });
    expect(only?.signals).toEqual({ cart: [], recentlyViewed: [], recentSearches: [], recentCategories: [] });
  });

  it("takes candidates as a list of ids or {ids}, and signal products as ids or as objects with an id", async () => {
    const viewed = { id: "6", name: "Manduka PRO Yoga Mat", brand: "Manduka", kind: "yoga mat", category: "fitness" };
    const set = await parseEvalSet(
      [line({ id: "a", candidates: ["6", "27"] }), line({ id: "b", candidates: { ids: ["6", "27"] }, signals: { cart: ["27"], recentlyViewed: [viewed] } })].join("\n"),
      "test.jsonl",
      catalog,
    );
    expect(set.cases.map((entry) => entry.candidates.map((product) => product.id).sort())).toEqual([["27", "6"], ["27", "6"]]);
    expect(set.cases[1]?.signals.cart.map((item) => item.name)).toEqual(["Lululemon The Mat 5mm"]);
    expect(set.cases[1]?.signals.recentlyViewed.map((item) => item.id)).toEqual(["6"]);
  });

  it("ignores fields it does not know (an outside set's own notes), and lets what no ranker reads be left out", async () => {
    expect(await problems(line({ group: "yoga", source: "team b", shopper: { ...shopper, age: 31 } }))).toEqual([]);
    const sparse = { searchHistory: ["yoga mats"], averageMonthlySpend: 50, ratings: { "Yoga Mat": 4.5 }, id: "Shopper #7 (team b)" };
    const set = await parseEvalSet(line({ id: "case one / sparse", shopper: sparse }), "test.jsonl", catalog);
    expect(set.cases[0]?.shopper).toMatchObject({ searchHistory: ["yoga mats"], preferredBrands: [], loyaltyStatus: "unknown", name: "Shopper #7 (team b)" });
  });

  it("names each bad line by number and says what is wrong, all at once", async () => {
    const text = [
      line(),
      "{not json",
      line({ id: "missing", shopper: { ...shopper, preferredBrands: "Apple" } }),
      line({ id: "unknown", relevance: { "999": 2 } }),
      line({ id: "outside", relevance: { "1": 3 } }),
      line({ id: "yoga" }),
      line({ id: "grade", relevance: { "6": 4 } }),
      line({ id: "zero", relevance: { "6": 0 } }),
      line({ id: "typo", shopper: { ...shopper, preferedBrands: ["Manduka"] } }),
      line({ id: "whole", candidates: { query: "yoga" } }),
    ].join("\n");
    const found = await problems(text);
    expect(found).toHaveLength(9);
    expect(found[0]).toMatch(/^line 2: not JSON/);
    expect(found[1]).toMatch(/^line 3: case "missing": shopper\.preferredBrands/);
    expect(found[2]).toMatch(/^line 4: .*product "999" is not in the catalog/);
    expect(found[3]).toMatch(/^line 5: .*product "1" is not one of this case's candidates/);
    expect(found[4]).toMatch(/^line 6: .*id "yoga" is also the id of line 1/);
    expect(found[5]).toMatch(/^line 7: case "grade": relevance\.6/);
    expect(found[6]).toMatch(/^line 8: .*no candidate is graded above 0/);
    expect(found[7]).toMatch(/^line 9: .*shopper: unknown field "preferedBrands" \(did you mean "preferredBrands"\?\)/);
    expect(found[8]).toMatch(/^line 10: case "whole": candidates/);
  });

  it("takes a search case with no shopper: its candidates are the store's search, its misses and empty results are figures, not errors", async () => {
    const set = await parseEvalSet(
      [
        JSON.stringify({ id: "search.hedphones", candidates: { q: "hedphones" }, relevance: { "2": 3, "14": 2 } }),
        JSON.stringify({ id: "search.nothing", candidates: { q: "zzzz qqqq" }, relevance: { "6": 3 } }),
      ].join("\n"),
      "search.jsonl",
      catalog,
    );
    const [typo, nothing] = set.cases;
    expect(typo?.shopper).toMatchObject({ recentPurchases: [], preferredBrands: [], searchHistory: [] });
    expect(typo?.candidates.slice(0, 4).map((product) => product.id).sort()).toEqual(["15", "16", "17", "2"]);
    expect(typo?.searchTerms).toBe("headphones");
    expect(nothing?.candidates).toEqual([]);
  });

  it("refuses an empty set", async () => {
    expect(await problems("\n\n")).toEqual(["no cases: the file holds no line"]);
  });
});
