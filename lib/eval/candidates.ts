// Relative imports with their extension: the bench (bench/abuse.ts) runs this file with Node alone.
import { queryTerms, searchText } from "../catalog/search.ts";
import type { Product } from "../catalog/types.ts";

// The storefront's candidates, found in memory, so the eval needs no database. The matching is the catalog's own
// (lib/catalog/catalog.ts `findCandidates`): every word of `queryTerms(q)` must occur in the product's
// `searchText` — the very text the seed stores in `search_text` and the DB searches with an escaped
// `LIKE '%term%'`, which is a plain substring test — and the category, if any, must be the product's. The order
// is the catalog's baseline: rating × log10(reviewCount + 10) descending, then shorter ids, then ids.
// tests/unit/eval/candidates.test.ts holds this equal to `findCandidates` against the database.

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

interface CandidateSearch {
  q?: string;
  category?: string;
}

/** Products matching every word of the search and the category, best by baseline first, at most `limit`. */
export function searchCatalog(catalog: readonly Product[], { q = "", category }: CandidateSearch, limit = Infinity): Product[] {
  const terms = queryTerms(q);
  const found = catalog.filter((product) => {
    if (category && product.category !== category) return false;
    const text = searchText(product);
    return terms.every((term) => text.includes(term));
  });
  return baselineOrder(found).slice(0, limit);
}
