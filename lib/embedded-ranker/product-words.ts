import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import type { Product } from "@/lib/catalog/types";
import { rawWords, sameStem, stem, stems } from "./words";

// A product's words by where they stand: what it is (name, kind, brand) says more than its tags, its tags more
// than its category, and its description least of all ("a traveling troupe" in a novel's blurb is no travel gear).

export interface ProductWords {
  product: Product;
  /** Stems of the name, kind and brand. */
  title: string[];
  kind: string[];
  tags: string[];
  /** Stems of the category's slug, name and blurb. */
  category: string[];
  description: string[];
}

const categoryStems = new Map(CATEGORIES.map((category) => [category.slug, stems(`${category.slug} ${category.name} ${category.blurb}`)]));

export function productWords(product: Product): ProductWords {
  return {
    product,
    title: stems(`${product.name} ${product.kind} ${product.brand}`),
    kind: stems(product.kind),
    tags: product.tags.flatMap(stems),
    category: categoryStems.get(product.category) ?? stems(product.category),
    description: stems(product.description),
  };
}

/**
 * How well one stem is found in the product: 1 in what it is, 0.8 in its tags, 0.3 in its description (whole
 * words only there); 0.4 in its category's words when asked (what a gift's recipient likes: "cooking" fits
 * any kitchen tool), never for a search (every book would answer "sci-fi books" through the books' blurb).
 */
export function fieldWeight(word: string, words: ProductWords, withCategory = false): number {
  if (words.title.some((own) => sameStem(own, word))) return 1;
  if (words.tags.some((own) => sameStem(own, word))) return 0.8;
  if (withCategory && words.category.some((own) => sameStem(own, word))) return 0.4;
  if (words.description.includes(word)) return 0.3;
  return 0;
}

function countWords(products: readonly Product[], counts = new Map<string, number>()): Map<string, number> {
  for (const product of products) {
    for (const word of rawWords(`${product.name} ${product.kind} ${product.brand} ${product.tags.join(" ")} ${product.description}`)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

let catalogWords: Map<string, number> | undefined;

/**
 * The words a misspelt search word is corrected towards (typos.ts), counted: the whole catalog's (its typed
 * data, once per process) and any product in view beyond it. Not only the products in view: on the books
 * page "hiking boots" must stay boots, not become "books".
 */
export function vocabularyFor(products: readonly Product[]): ReadonlyMap<string, number> {
  catalogWords ??= countWords(PRODUCTS);
  const known = new Set(PRODUCTS.map((product) => product.id));
  const beyond = products.filter((product) => !known.has(product.id));
  return beyond.length === 0 ? catalogWords : countWords(beyond, new Map(catalogWords));
}

/**
 * The nouns that name a kind of product among these — the last word of each kind ("laptop", "mat" of "yoga
 * mat", "shoe" of "running shoes"): a search's head words. "Camping" or "running" alone name no kind.
 */
export function kindStemsOf(products: readonly Product[]): Set<string> {
  return new Set(products.flatMap((product) => rawWords(product.kind).slice(-1).map(stem)));
}

/** The kinds of product among these, lowercase, each with its stems. */
export function kindNamesOf(products: readonly Product[]): { kind: string; stems: string[] }[] {
  return [...new Set(products.map((product) => product.kind.toLowerCase()))].map((kind) => ({ kind, stems: stems(kind) }));
}
