import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { productColumnsSql, toProduct, type ProductRow } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";
import { countMatches, type MatchCount } from "./count-matches";
import { allTermsQuery, anyTermQuery, excludedQuery, termQuery } from "./tsquery";
import type { QueryReading, SoughtTerm } from "./understand-query";

// The products that answer a search, best first. A product answers if it holds any term; it ranks by how
// many of the terms it holds and where — in what it is (name, brand, kind) counts most, its tags less, its
// description least — then by the baseline (popularity): a word that matches nothing never empties the
// result, and a product holding every word comes first.
//
// Scoring every match would cost as much as there are matches ("wireless" in a catalog of 100,000). So the
// products scored are a pool that holds the best at any size, each part read from an index in popularity
// order and bounded: the most popular products holding a term in what they are (the title index), those
// holding every term, and those holding any (docs/architecture.md §16). How many match in all is counted apart.

/** What a term found in each place is worth (the embedded ranker weighs a product's words alike). */
const FIELD_WEIGHT = { AB: 1, C: 0.8, any: 0.3 } as const;
/** A term found through a synonym or a stem-only alternative counts a little less than as typed ("macbook" before "laptop"). */
const ALTERNATIVE = 0.9;
/** The baseline's share of the order: it breaks ties, and no more than a description's word is worth. */
const POPULARITY_WEIGHT = 0.005;
/** Each part of the pool holds at least this many products (more for a later page). */
const POOL = 400;
/**
 * A part expected to match more than this share of the catalog is read in popularity order from that index
 * (its pool is among the first few thousand products); a narrower one from the full-text index, then sorted
 * (its matches are few). The planner would often read a narrow part in popularity order too, checking each
 * product's words as it goes, which costs far more than it expects.
 */
const BROAD = 0.05;


function termScore(term: SoughtTerm): SQL {
  const found = (field: keyof typeof FIELD_WEIGHT, typedOnly: boolean) =>
    sql`when p.search_vector @@ ${termQuery(term, field, typedOnly)}::tsquery then ${sql.raw(String(FIELD_WEIGHT[field] * (typedOnly ? 1 : ALTERNATIVE)))}`;
  if (term.alternatives.length === 1) return sql`(case ${found("AB", true)} ${found("C", true)} ${found("any", true)} else 0 end)`;
  return sql`(case ${found("AB", true)} ${found("AB", false)} ${found("C", true)} ${found("C", false)} ${found("any", true)} ${found("any", false)} else 0 end)`;
}

export interface SearchPage {
  category?: string;
  limit: number;
  /** Results to skip (a later page). */
  offset?: number;
}

export interface SearchResults extends MatchCount {
  products: Product[];
}

export async function searchProducts(db: Db, reading: QueryReading, { category, limit, offset = 0 }: SearchPage): Promise<SearchResults> {
  if (reading.sought.length === 0) return { products: [], matches: 0, moreMatches: false };
  const excluded = excludedQuery(reading);
  const where = (vector: SQL, query: string) =>
    sql`${vector} @@ ${query}::tsquery ${category ? sql`and p.category = ${category}` : sql``} ${excluded ? sql`and not p.search_vector @@ ${excluded}::tsquery` : sql``}`;
  const pool = Math.max(POOL, offset + limit);
  const size = Math.max(1, reading.catalogSize);
  const anyDocs = Math.min(size, reading.sought.reduce((sum, term) => sum + term.docs, 0));
  const allDocs = reading.sought.reduce((share, term) => share * Math.min(1, term.docs / size), size);
  // "+ 0": the same order, but not from the popularity index (see BROAD).
  const order = (docs: number) => (docs > BROAD * size ? sql`p.popularity desc nulls last` : sql`p.popularity + 0 desc nulls last`);
  const part = (vector: SQL, query: string, docs: number) => sql`(select p.id from products p where ${where(vector, query)} order by ${order(docs)} limit ${pool})`;
  const anyTerm = anyTermQuery(reading);
  const allTerms = allTermsQuery(reading);
  const parts = [part(sql`p.title_vector`, anyTerm, anyDocs), part(sql`p.search_vector`, anyTerm, anyDocs)];
  if (allTerms !== anyTerm) parts.push(part(sql`p.search_vector`, allTerms, allDocs));
  const score = sql.join([...reading.sought.map(termScore), sql`${sql.raw(String(POPULARITY_WEIGHT))} * p.popularity`], sql` + `);
  const [rows, counted] = await Promise.all([
    rowsOf<ProductRow>(
      db,
      sql`with pool as (${sql.join(parts, sql` union `)})
        select ${productColumnsSql} from pool join products p on p.id = pool.id
        order by ${score} desc, p.popularity desc nulls last, length(p.id), p.id
        limit ${limit} offset ${offset}`,
    ),
    countMatches(db, where(sql`p.search_vector`, anyTerm)),
  ]);
  return { products: rows.map(toProduct), ...counted };
}
