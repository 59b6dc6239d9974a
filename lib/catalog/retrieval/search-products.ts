import { and, asc, desc, eq, not, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import { productColumns, toProduct } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";
import { anyTermQuery, excludedQuery, termQuery } from "./tsquery";
import type { QueryReading, SoughtTerm } from "./understand-query";

// The products that answer a search, best first, in one query on the full-text index. A product answers if it
// holds any term; it ranks by how many of the terms it holds and where — in what it is (name, brand, kind)
// counts most, its tags less, its description least — then by the baseline (popularity): a word that
// matches nothing never empties the result, and a product holding every word comes first.

/** What a term found in each place is worth (the embedded ranker weighs a product's words alike). */
const FIELD_WEIGHT = { AB: 1, C: 0.8, any: 0.3 } as const;
/** The baseline's share of the order: it breaks ties, and no more than a description's word is worth. */
const POPULARITY_WEIGHT = 0.005;

function termScore(term: SoughtTerm): SQL {
  const found = (field: keyof typeof FIELD_WEIGHT) => sql`when ${products.searchVector} @@ ${termQuery(term, field)}::tsquery then ${sql.raw(String(FIELD_WEIGHT[field]))}`;
  return sql`(case ${found("AB")} ${found("C")} ${found("any")} else 0 end)`;
}

export interface SearchPage {
  category?: string;
  limit: number;
  /** Results to skip (a later page). */
  offset?: number;
}

export interface SearchResults {
  products: Product[];
  /** Every product that answers the search, beyond this page. */
  matches: number;
}

export async function searchProducts(db: Db, reading: QueryReading, { category, limit, offset = 0 }: SearchPage): Promise<SearchResults> {
  if (reading.sought.length === 0) return { products: [], matches: 0 };
  const excluded = excludedQuery(reading);
  const filters: SQL[] = [sql`${products.searchVector} @@ ${anyTermQuery(reading)}::tsquery`];
  if (excluded) filters.push(not(sql`${products.searchVector} @@ ${excluded}::tsquery`));
  if (category) filters.push(eq(products.category, category));
  const score = sql.join([...reading.sought.map(termScore), sql`${sql.raw(String(POPULARITY_WEIGHT))} * ${products.popularity}`], sql` + `);
  const rows = await db
    .select({ ...productColumns, matches: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products)
    .where(and(...filters))
    .orderBy(desc(score), sql`${products.popularity} desc nulls last`, asc(sql`length(${products.id})`), asc(products.id))
    .limit(limit)
    .offset(offset);
  return { products: rows.map(toProduct), matches: rows[0]?.matches ?? (offset > 0 ? await countMatches(db, filters) : 0) };
}

/** How many products answer, when the page asked for lies past them all. */
async function countMatches(db: Db, filters: SQL[]): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)`.mapWith(Number) }).from(products).where(and(...filters));
  return row?.count ?? 0;
}
