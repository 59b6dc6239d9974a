import { describe, expect, it } from "vitest";
import { getCategory, getProduct, getProducts, listCategories } from "@/lib/catalog/catalog";
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

  it("lists its categories in navigation order", async () => {
    expect((await listCategories()).map((category) => category.slug)).toEqual(CATEGORIES.map((category) => category.slug));
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
