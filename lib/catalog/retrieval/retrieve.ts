import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rowsOf, textArray } from "@/lib/db/rows";
import { productColumnsSql, toProduct, type ProductRow } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";
import { countMatches, type MatchCount } from "./count-matches";
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

export interface Candidates extends MatchCount {
  /** Best first by retrieval: a search's best matches (then related ones), or the shortlist in the baseline order. */
  products: Product[];
  /** The search as read, when a word was corrected ("hedphones" → "headphones"). */
  corrected?: string;
  /** The search's words as read (corrections, synonyms): what the rankers match products to. */
  searchTerms?: string;
  /** How many of `products` are not matches but like them (a search that found few: related.ts). */
  related: number;
}

/** A search that finds fewer products than this is followed by related ones, up to this many in all. */
const RELATED_FLOOR = 24;

/** Products a page lists after its ranked window. */
export const PAGE_SIZE = 48;

/** How many pages show `matches` products when the first (the ranked window) holds `window` of them. */
export function pageCount(matches: number, window: number): number {
  return 1 + Math.ceil(Math.max(0, matches - window) / PAGE_SIZE);
}

/** What is in view without a search: the whole store, or a category. */
const inView = (category: string | undefined) => (category ? sql`p.category = ${category}` : sql`true`);

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
      moreMatches: found.moreMatches,
      related: related.length,
      searchTerms: reading.terms,
      ...(reading.corrected ? { corrected: reading.corrected } : {}),
    };
  }
  const [listed, counted] = await Promise.all([shortlist(db, { shopper, signals, category, limit }), countMatches(db, inView(category), { fullText: false })]);
  return { products: listed, ...counted, related: 0 };
}

export interface MatchesPage extends MatchCount {
  /** The page's products, in retrieval order. */
  products: Product[];
  /** How many pages there are in all (at least, when there are more matches than counted), the ranked window first. */
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
    return {
      products: found.products,
      matches: found.matches,
      moreMatches: found.moreMatches,
      pages: pageCount(found.matches, window),
      ...(reading.corrected ? { corrected: reading.corrected } : {}),
    };
  }
  const listed = await shortlist(db, request);
  const [rows, counted] = await Promise.all([
    rowsOf<ProductRow>(
      db,
      sql`select ${productColumnsSql} from products p where ${inView(request.category)} and p.id <> all(${textArray(listed.map((product) => product.id))}::text[])
        order by p.popularity desc nulls last, length(p.id), p.id limit ${PAGE_SIZE} offset ${offset}`,
    ),
    countMatches(db, inView(request.category), { fullText: false }),
  ]);
  return { products: rows.map(toProduct), ...counted, pages: pageCount(counted.matches, listed.length) };
}
