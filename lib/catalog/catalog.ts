import { CATEGORIES } from "./data/categories";
import { PRODUCTS } from "./data/products";
import { byBaseline, matchesQuery, queryTerms } from "./search";
import type { Category, Product } from "./types";

// The one door to catalog data: pages, the API and the ranker call these, never the data files.
// Async because the data moves into the database.

const productsById = new Map(PRODUCTS.map((product) => [product.id, product]));
const categoriesBySlug = new Map(CATEGORIES.map((category) => [category.slug, category]));

export async function listCategories(): Promise<readonly Category[]> {
  return CATEGORIES;
}

export async function getCategory(slug: string): Promise<Category | undefined> {
  return categoriesBySlug.get(slug);
}

export async function getProduct(id: string): Promise<Product | undefined> {
  return productsById.get(id);
}

export async function getProducts(ids: readonly string[]): Promise<Product[]> {
  return ids.flatMap((id) => productsById.get(id) ?? []);
}

export interface CandidateQuery {
  q?: string;
  category?: string;
  /** At most this many, the best by baseline first. */
  limit: number;
}

/** Products matching the search and category, in baseline order: what the model is asked to rank. */
export async function findCandidates({ q = "", category, limit }: CandidateQuery): Promise<Product[]> {
  const terms = queryTerms(q);
  return PRODUCTS.filter((product) => (!category || product.category === category) && matchesQuery(product, terms))
    .sort(byBaseline)
    .slice(0, limit);
}
