import { PRODUCTS } from "@/lib/catalog/data/products";
import { PROFILES } from "@/lib/shoppers/data/profiles";

// Query strings for GET /api/rankings, each a ranking not asked before (a demo shopper and a category in turn):
// a stored ranking is replayed free, so a test of the budget must ask for fresh ones.

export function freshRankings(): () => string {
  const categories = [...new Set(PRODUCTS.map((product) => product.category))];
  const queries = PROFILES.flatMap((shopper) => categories.map((category) => `?shopper=${encodeURIComponent(shopper.id)}&category=${encodeURIComponent(category)}`));
  let next = 0;
  return () => {
    const query = queries[next++];
    if (query === undefined) throw new Error(`only ${queries.length} fresh rankings to ask for`);
    return query;
  };
}
