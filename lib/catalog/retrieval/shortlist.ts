import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf, textArray } from "@/lib/db/rows";
import { companionsOf } from "@/lib/embedded-ranker/complements";
import { productColumnsSql, toProduct, type ProductRow } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";
import { readQuery } from "./read-query";
import { wordsOf } from "./words";

// The candidates the model sees when nothing is searched (the whole store, or one category): drawn from the
// shopper's own affinities — what they browse and bought, the brands they like, what they searched for, what
// goes with their cart, the kinds they just looked at — together with the popular, each product once, no
// kind crowding out the rest, disliked brands last. One query, each affinity read from an index in popularity
// order (docs/architecture.md §16): the catalog is never loaded into memory, whatever its size.

/** Products each affinity may bring (before the shortlist is cut to its size). */
const PER_AFFINITY = 12;
/** No kind of product takes more than this share of the shortlist, unless nothing else is left. */
const KIND_SHARE = 1 / 6;

export interface ShortlistRequest {
  shopper: ShopperProfile;
  signals: LiveSignals;
  category?: string;
  limit: number;
}

/** What the shopper's profile and visit point at, as the query looks it up. */
interface Affinities {
  categorySlugs: string[];
  /** The shopper's own words for categories ("Fitness Equipment"): matched to the store's by their words. */
  categoryNames: string[];
  brands: string[];
  /** Kinds as the catalog writes them, lowercase. */
  kinds: string[];
  /** Something of the cart or a purchase goes with any book. */
  books: boolean;
  /** Purchases in the shopper's words ("Wireless Headphones"), matched to products' kinds. */
  purchases: string[];
  /** Past and present searches, filler left out. */
  searches: string[];
  disliked: string[];
}

const lower = (values: readonly string[]) => [...new Set(values.map((value) => value.toLowerCase()))];

function affinitiesOf({ shopper, signals }: Pick<ShortlistRequest, "shopper" | "signals">): Affinities {
  const companions = [...signals.cart.map((item) => item.kind), ...shopper.recentPurchases].map(companionsOf);
  return {
    categorySlugs: [...new Set([...signals.recentCategories, ...signals.cart.map((item) => item.category), ...signals.recentlyViewed.map((item) => item.category)])],
    categoryNames: shopper.browsedCategories,
    brands: lower([...shopper.preferredBrands, ...signals.cart.map((item) => item.brand)]),
    kinds: lower([...signals.recentlyViewed.map((item) => item.kind), ...companions.flatMap((companion) => companion.kinds)]),
    books: companions.some((companion) => companion.books),
    purchases: shopper.recentPurchases,
    searches: [...new Set([...signals.recentSearches, ...shopper.searchHistory].map((text) => readQuery(text).terms.map((term) => term.words.join(" ")).join(" ")).filter(Boolean))],
    disliked: lower(shopper.dislikedBrands),
  };
}

/** "Fitness Equipment" → any of its words, as websearch_to_tsquery reads `fitness or equipment`. */
const anyWordOf = (phrase: string) => wordsOf(phrase).join(" or ");
/** A purchase's words looked for in products' kinds only (weight B): `wireless:B | headphones:B`. */
const inKind = (purchase: string) => wordsOf(purchase).map((word) => `${word}:B`).join(" | ");

/**
 * One affinity's products: for each of its values, the most popular products it matches, `PER_AFFINITY` at
 * most. A part of the query per value, so the planner sees each value and picks the index that suits it (a
 * rare search from the full-text index, a common one in popularity order).
 */
function affinity(name: string, values: readonly string[], matches: (value: string) => SQL, inCategory: SQL): SQL[] {
  return values.map(
    (value) => sql`select pick.id, ${name}::text as affinity, row_number() over (order by pick.popularity desc nulls last, length(pick.id), pick.id) as nth
      from (select p.id, p.popularity from products p where ${matches(value)} and ${inCategory}
        order by p.popularity desc nulls last, length(p.id), p.id limit ${PER_AFFINITY}) as pick`,
  );
}

export async function shortlist(db: Db, request: ShortlistRequest): Promise<Product[]> {
  const a = affinitiesOf(request);
  const inCategory = request.category ? sql`p.category = ${request.category}` : sql`true`;
  const perKind = Math.max(3, Math.ceil(request.limit * KIND_SHARE));
  const sources: SQL[] = [
    ...affinity("category", a.categorySlugs, (value) => sql`p.category = ${value}`, inCategory),
    ...affinity(
      "browsed",
      a.categoryNames.map(anyWordOf).filter(Boolean),
      (value) => sql`p.category in (select c.slug from categories c where to_tsvector('english', c.name || ' ' || replace(c.slug, '-', ' ')) @@ websearch_to_tsquery('english', ${value}))`,
      inCategory,
    ),
    ...affinity("brand", a.brands, (value) => sql`lower(p.brand) = ${value}`, inCategory),
    ...affinity("kind", a.kinds, (value) => sql`lower(p.kind) = ${value}`, inCategory),
    ...affinity("purchase", a.purchases.map(inKind).filter(Boolean), (value) => sql`p.title_vector @@ to_tsquery('english', ${value})`, inCategory),
    ...affinity("search", a.searches, (value) => sql`p.search_vector @@ plainto_tsquery('english', ${value})`, inCategory),
    ...affinity("books", a.books ? ["book"] : [], () => sql`(lower(p.kind) like '% book' or lower(p.kind) = 'cookbook')`, inCategory),
    sql`select pick.id, 'popular'::text as affinity, row_number() over (order by pick.popularity desc nulls last, length(pick.id), pick.id) as nth
      from (select p.id, p.popularity from products p where ${inCategory} order by p.popularity desc nulls last, length(p.id), p.id limit ${request.limit}) as pick`,
  ];
  const rows = await rowsOf<ProductRow & { disliked: boolean }>(
    db,
    sql`with pooled as (${sql.join(sources.map((source) => sql`(${source})`), sql` union all `)}),
      -- Each product once, by its best showing: an affinity before the popular, an affinity's first picks before its later ones.
      best as (select id, min(case when affinity = 'popular' then 1 else 0 end) as popular_only, min(nth) as nth from pooled group by id),
      ranked as (
        select p.*, best.popular_only, best.nth,
          lower(p.brand) = any(${textArray(a.disliked)}::text[]) as disliked,
          row_number() over (partition by lower(p.kind) order by best.popular_only, best.nth, p.popularity desc nulls last) as nth_of_kind
        from best join products p on p.id = best.id),
      chosen as (
        select * from ranked
        order by disliked, nth_of_kind > ${perKind}, popular_only, nth, popularity desc nulls last, length(id), id
        limit ${request.limit})
      select ${productColumnsSql}, p.disliked from chosen p
      -- In the baseline order, disliked brands last: the order the model and the embedded ranker start from.
      order by p.disliked, p.popularity desc nulls last, length(p.id), p.id`,
  );
  return rows.map(({ disliked: _disliked, ...row }) => toProduct(row));
}
