import { and, asc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import { productColumns, toProduct } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";
import { relatedTo } from "./related";
import { searchProducts } from "./search-products";
import { shortlist } from "./shortlist";
import { understandQuery } from "./understand-query";

// The one door to retrieval (DESIGN §3, docs/architecture.md §16): what the model ranks for a page — the
// products answering a search, or the shopper's personal shortlist — and the pages of matches after it.

export interface CandidateRequest {
  q?: string;
  category?: string;
  shopper: ShopperProfile;
  signals: LiveSignals;
  /** The ranked window: at most this many (AISLE_MAX_CANDIDATES). */
  limit: number;
}

export interface Candidates {
  /** Best first by retrieval: a search's best matches, or the shortlist in the baseline order. */
  products: Product[];
  /** Every product the page could show: all a search's matches, or everything in view (the store, the category). */
  matches: number;
  /** The search as read, when a word was corrected ("hedphones" → "headphones"). */
  corrected?: string;
  /** The search's words as read (corrections, synonyms): what the rankers match products to. */
  searchTerms?: string;
  /** How many of `products` are not matches but like them (a search that found few: related.ts). */
  related: number;
}

/** A search that finds fewer products than this is followed by related ones, up to this many in all. */
export const RELATED_FLOOR = 24;

/** Products a page lists after its ranked window. */
export const PAGE_SIZE = 48;

/** How many pages show `matches` products when the first (the ranked window) holds `window` of them. */
export function pageCount(matches: number, window: number): number {
  return 1 + Math.ceil(Math.max(0, matches - window) / PAGE_SIZE);
}

/** How many products are in view without a search: the whole store, or a category. */
async function countInView(category: string | undefined): Promise<number> {
  const db = await getDb();
  return db.$count(products, category ? eq(products.category, category) : undefined);
}

export async function retrieveCandidates({ q, category, shopper, signals, limit }: CandidateRequest): Promise<Candidates> {
  const db = await getDb();
  if (q) {
    const reading = await understandQuery(db, q);
    const found = await searchProducts(db, reading, { category, limit });
    const floor = Math.min(RELATED_FLOOR, limit);
    const related = found.products.length < floor ? await relatedTo(db, found.products, { category, limit: floor - found.products.length }) : [];
    return {
      products: [...found.products, ...related],
      matches: found.matches,
      related: related.length,
      searchTerms: reading.terms,
      ...(reading.corrected ? { corrected: reading.corrected } : {}),
    };
  }
  const [listed, matches] = await Promise.all([shortlist(db, { shopper, signals, category, limit }), countInView(category)]);
  return { products: listed, matches, related: 0 };
}

export interface MatchesPage {
  /** The page's products, in retrieval order. */
  products: Product[];
  matches: number;
  /** How many pages there are in all, the ranked window being the first. */
  pages: number;
  corrected?: string;
}

/**
 * Page `page` (2 or more) of what a page shows: the matches after the ranked window, in retrieval order — a
 * search's next best, or everything in view the shortlist left out, in the baseline order. No model call.
 */
export async function listMatches(request: CandidateRequest, page: number): Promise<MatchesPage> {
  const db = await getDb();
  const offset = (page - 2) * PAGE_SIZE;
  if (request.q) {
    const reading = await understandQuery(db, request.q);
    const found = await searchProducts(db, reading, { category: request.category, limit: PAGE_SIZE, offset: request.limit + offset });
    const window = Math.min(request.limit, found.matches);
    return { products: found.products, matches: found.matches, pages: pageCount(found.matches, window), ...(reading.corrected ? { corrected: reading.corrected } : {}) };
  }
  const listed = await shortlist(db, request);
  const filters: SQL[] = [];
  if (request.category) filters.push(eq(products.category, request.category));
  if (listed.length > 0) filters.push(notInArray(products.id, listed.map((product) => product.id)));
  const [rows, matches] = await Promise.all([
    db
      .select(productColumns)
      .from(products)
      .where(and(...filters))
      .orderBy(sql`${products.popularity} desc nulls last`, asc(sql`length(${products.id})`), asc(products.id))
      .limit(PAGE_SIZE)
      .offset(offset),
    countInView(request.category),
  ]);
  return { products: rows.map(toProduct), matches, pages: pageCount(matches, listed.length) };
}
