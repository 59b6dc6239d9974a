import type { Product } from "./types";

/** Lowercase words of a query; every one must appear somewhere in the product. */
export function queryTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
}

/** What a search looks in: name, brand, kind, description and tags, lowercased (stored with each product). */
export function searchText(product: Product): string {
  return [product.name, product.brand, product.kind, product.description, ...product.tags].join("\n").toLowerCase();
}

export function matchesQuery(product: Product, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = searchText(product);
  return terms.every((term) => text.includes(term));
}

/** The order shown before (and without) a model: rating weighted by how many people rated it. */
export function baselineScore(product: Product): number {
  return product.rating * Math.log10(product.reviewCount + 10);
}

export function byBaseline(a: Product, b: Product): number {
  return baselineScore(b) - baselineScore(a) || Number(a.id) - Number(b.id);
}
