import type { Product } from "@/lib/catalog/types";

// A list of candidates given by id is ranked from the catalog's baseline order, as the store's retrieval orders
// what it finds: rating × log10(reviewCount + 10) descending (the products table's `popularity`), then shorter
// ids, then ids. Candidates given as a search go through the store's own retrieval (format.ts).

/** The baseline ("popular") score: rating weighted by how many people rated it; PostgreSQL's log() is base 10. */
function baselineScore(product: Product): number {
  return product.rating * Math.log10(product.reviewCount + 10);
}

/** The catalog's baseline order: the order shown before (and without) a model. */
function compareBaseline(a: Product, b: Product): number {
  return baselineScore(b) - baselineScore(a) || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function baselineOrder(products: readonly Product[]): Product[] {
  return [...products].sort(compareBaseline);
}
