import type { Product } from "@/lib/catalog/types";

// The catalog's baseline ("popular") order, as the store's retrieval orders what it finds: rating ×
// log10(reviewCount + 10) descending (the products table's `popularity`), then shorter ids, then ids. The
// experiment's `popular` arm ranks by it, and the eval orders a case's candidates given by id with it.

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
