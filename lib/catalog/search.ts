import type { Product } from "./types";

/** Lowercase words of a query; every one must appear somewhere in the product. */
export function queryTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
}

/** What a search looks in: name, brand, kind, description and tags, lowercased (stored with each product). */
export function searchText(product: Product): string {
  return [product.name, product.brand, product.kind, product.description, ...product.tags].join("\n").toLowerCase();
}
