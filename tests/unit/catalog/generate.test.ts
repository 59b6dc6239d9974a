import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { generateCatalog } from "@/lib/catalog/import/generate";
import { rowSchema } from "@/lib/catalog/import/rows";

// `npm run catalog -- generate` (DESIGN §4): a synthetic catalog in the import format, the same file for the
// same seed, realistic enough for the search and the rankers to have something to find.

const text = (products: number, seed: number) => [...generateCatalog({ products, seed })].join("");
const products = (count: number, seed = 1) => [...generateCatalog({ products: count, seed })].map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the synthetic catalog", () => {
  it("is the same text for the same seed, and another for another seed", () => {
    expect(text(300, 7)).toBe(text(300, 7));
    expect(text(300, 8)).not.toBe(text(300, 7));
  });

  it("keeps product i the same whatever the number asked", () => {
    expect(text(1000, 3).startsWith(text(100, 3))).toBe(true);
  });

  it("writes rows the import takes, with ids clear of the demo catalog's", () => {
    const schema = rowSchema({ publicDir: path.join(process.cwd(), "public"), hosts: [] });
    const generated = products(2000);
    const demoIds = new Set(PRODUCTS.map((product) => product.id));
    for (const product of generated) expect(schema.safeParse(product).success, JSON.stringify(product)).toBe(true);
    expect(new Set(generated.map((product) => product.id)).size).toBe(2000);
    expect(generated.some((product) => demoIds.has(product.id as string))).toBe(false);
  });

  it("spreads categories, kinds, prices and ratings as a real catalog does", () => {
    const generated = products(5000);
    const categories = new Set(generated.map((product) => product.category));
    const kinds = new Set(generated.map((product) => product.kind));
    expect(categories.size).toBeGreaterThanOrEqual(8);
    expect(kinds.size).toBeGreaterThanOrEqual(80);
    const ratings = generated.flatMap((product) => (typeof product.rating === "number" ? [product.rating] : []));
    expect(ratings.filter((rating) => rating >= 3.5 && rating <= 4.9).length / ratings.length).toBeGreaterThan(0.85);
    expect(ratings.length).toBeLessThan(generated.length); // a few are not rated yet
    const reviews = generated.flatMap((product) => (typeof product.reviewCount === "number" ? [product.reviewCount] : [])).sort((a, b) => a - b);
    const median = reviews[Math.floor(reviews.length / 2)] ?? 0;
    expect(reviews.at(-1) ?? 0).toBeGreaterThan(50 * median); // long-tailed
    const laptops = generated.filter((product) => product.kind === "laptop").map((product) => product.price as number);
    const balms = generated.filter((product) => product.kind === "lip balm").map((product) => product.price as number);
    expect(Math.min(...laptops)).toBeGreaterThan(Math.max(...balms));
  });

  it("says the words shoppers search: plurals' stems, typos' targets, uses and audiences", () => {
    const words = products(5000)
      .map((product) => `${product.name} ${product.kind} ${product.description} ${(product.tags as string[]).join(" ")}`.toLowerCase())
      .join(" ");
    for (const word of ["laptop", "yoga mat", "tent", "blender", "headphones", "sneakers", "serum", "dumbbells", "running shoes", "jacket", "kettlebell", "backpack", "moisturizer", "espresso machine", "budget", "sci-fi", "noise cancelling", "travel", "beginners", "camping", "winter", "lattes", "2 person", "wireless", "smoothies", "crushing ice", "gift", "dry skin", "oily skin", "home gym", "work from home", "makeup", "hiking"]) {
      expect(words, word).toContain(word);
    }
  });
});
