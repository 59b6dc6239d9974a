import { describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { dislikedInTop, factsOf, groundedShare, ndcgAt, precisionAt } from "@/lib/eval/metrics";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import { NO_SIGNALS, type ShopperProfile } from "@/lib/shoppers/types";

// The figures of one ranking against a case's grades (EVALS.md, "What the figures mean").

describe("eval metrics", () => {
  it("NDCG is 1 for the best order and less for a worse one, gains 2^grade − 1 discounted by log2(place + 1)", () => {
    const grades = { a: 3, b: 2, c: 0 };
    expect(ndcgAt(["a", "b", "c"], grades, 5)).toBe(1);
    // DCG of b, a: 3/1 + 7/log2(3) = 7.4165; ideal a, b: 7 + 3/log2(3) = 8.8928.
    expect(ndcgAt(["b", "a", "c"], grades, 5)).toBeCloseTo(0.834, 3);
    expect(ndcgAt(["c", "x", "y", "z", "q", "a"], grades, 5)).toBe(0);
    expect(ndcgAt(["a"], {}, 5)).toBe(0);
  });

  it("precision@5 counts grades of 2 and up among the first five (or all, when fewer)", () => {
    expect(precisionAt(["a", "b", "c", "d", "e", "f"], { a: 3, c: 2, d: 1, f: 3 }, 5)).toBe(0.4);
    expect(precisionAt(["a", "b"], { a: 2 }, 5)).toBe(0.5);
  });

  it("counts disliked brands among the first five", () => {
    const products = new Map(PRODUCTS.map((product) => [product.id, product]));
    const shopper = { dislikedBrands: ["adidas"] } as ShopperProfile;
    expect(dislikedInTop(["29", "30", "31", "40", "41", "1"], products, shopper, 5)).toBe(4);
  });

  it("a reason is grounded when it names a fact of the case as whole words", () => {
    const seed = PROFILES.find((profile) => profile.id === "12345") as ShopperProfile;
    const facts = factsOf(seed, NO_SIGNALS, CATEGORIES);
    expect(groundedShare(["Apple is one of your favourite brands.", "Matches your search “yoga mats”.", "Rated 4.8 by 5,400 shoppers."], facts)).toBeCloseTo(2 / 3);
    expect(groundedShare(["A pineapple of a gadget."], facts)).toBe(0);
    expect(groundedShare([], facts)).toBeNull();
  });
});
