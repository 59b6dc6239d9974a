import { describe, expect, it } from "vitest";
import { findCandidates, getCategory, getProduct, getProducts, listCategories } from "@/lib/catalog/catalog";
import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { productSchema } from "@/lib/catalog/types";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import { getShopper } from "@/lib/shoppers/shoppers";
import { shopperProfileSchema } from "@/lib/shoppers/types";
import { existsSync } from "node:fs";
import { join } from "node:path";

describe("the catalog", () => {
  it("holds 60–80 valid products with unique ids in at least 6 categories, each with a local image", () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(60);
    expect(PRODUCTS.length).toBeLessThanOrEqual(80);
    expect(new Set(PRODUCTS.map((product) => product.id)).size).toBe(PRODUCTS.length);
    const slugs = new Set(CATEGORIES.map((category) => category.slug));
    expect(slugs.size).toBeGreaterThanOrEqual(6);
    for (const product of PRODUCTS) {
      expect(() => productSchema.parse(product)).not.toThrow();
      expect(slugs.has(product.category)).toBe(true);
      expect(existsSync(join(process.cwd(), "public", product.image))).toBe(true);
    }
  });

  it("answers an id that cannot exist (a NUL byte, a path) with nothing, not a database error", async () => {
    for (const id of ["\u0000", "1\u0000", "../1", "", "x".repeat(5000)]) {
      expect(await getProduct(id)).toBeUndefined();
      expect(await getShopper(id)).toBeUndefined();
      expect(await getCategory(id)).toBeUndefined();
    }
    expect((await getProducts(["\u0000", "1"])).map((product) => product.id)).toEqual(["1"]);
  });

  it("has the seed's ten as ids 1–10", async () => {
    const names = await Promise.all(Array.from({ length: 10 }, (_, i) => getProduct(String(i + 1)).then((product) => product?.name)));
    expect(names.map((name) => name?.split(" ").slice(0, 2).join(" "))).toEqual([
      "Apple MacBook", "Sony WH-1000XM4", "Apple Watch", "Kindle Oasis", "AllBirds Wool", "Manduka PRO", "Bench Hooded", "GoPro HERO9", "Nespresso Vertuo", "Project Hail",
    ]);
  });

  it("searches name, brand, tags and description, case-insensitively, every word", async () => {
    const found = async (q: string) => (await findCandidates({ q, limit: 100 })).map((product) => product.id).sort();
    // Every product that matches and nothing else, read off lib/catalog/data/products.ts by hand.
    expect(await found("MACBOOK")).toEqual(["1", "11"]); // in names only
    expect(await found("amazon")).toEqual(["4"]); // a brand its product's name does not hold
    expect(await found("Long-Battery")).toEqual(["15", "2", "32"]); // in tags only
    expect(await found("OVER-EAR")).toEqual(["15", "17", "2"]); // in descriptions only
    expect(await found("yoga mat")).toEqual(["27", "28", "6"]);
    // Every word: "hours" alone also finds 57, "wireless" alone 14, 16 and 17.
    expect(await found("hours wireless")).toEqual(["15", "2"]);
    expect(await found("yoga zzzz")).toEqual([]);
  });

  it("filters by category, caps the count, and keeps the baseline order", async () => {
    const books = await findCandidates({ category: "books", limit: 100 });
    expect(books.map((product) => product.id).sort()).toEqual(PRODUCTS.filter((product) => product.category === "books").map((product) => product.id).sort());
    expect(books.length).toBeGreaterThan(1);
    const capped = await findCandidates({ limit: 5 });
    expect(capped).toHaveLength(5);
    expect((await findCandidates({ limit: 100 })).slice(0, 5)).toEqual(capped);
    expect((await listCategories()).length).toBe(CATEGORIES.length);
  });
});

describe("the shoppers", () => {
  it("has at least 6 valid profiles, including 12345 exactly as the seed", () => {
    expect(PROFILES.length).toBeGreaterThanOrEqual(6);
    for (const profile of PROFILES) expect(() => shopperProfileSchema.parse(profile)).not.toThrow();
    expect(PROFILES.find((profile) => profile.id === "12345")).toMatchObject({
      recentPurchases: ["Laptop", "Wireless Headphones", "Smart Watch"],
      browsedCategories: ["Electronics", "Books", "Fitness Equipment"],
      ratings: { Laptop: 5, "Wireless Headphones": 4 },
      searchHistory: ["best budget laptops 2023", "latest sci-fi books", "yoga mats"],
      preferredBrands: ["Apple", "AllBirds", "Bench"],
      dislikedBrands: ["Philips", "Adidas"],
      loyaltyStatus: "Gold Member",
      averageMonthlySpend: 500,
      preferredShoppingTimes: "Weekend Evenings",
    });
  });
});
