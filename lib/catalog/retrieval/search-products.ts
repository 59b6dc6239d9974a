import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { productColumnsSql, toProduct, type ProductRow } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";
import { countMatches, MATCH_COUNT_CAP, type MatchCount } from "./count-matches";
import { allTermsQuery, anyTermQuery, excludedQuery, termQuery, type Field } from "./tsquery";
import type { QueryReading, SoughtTerm } from "./understand-query";

// The products that answer a search, best first. A product answers if it holds any term; it ranks first by how
// many of the terms it holds (as Typesense and Algolia do), then by where — in what it is (name, brand, kind)
// more than in its tags, in its tags more than in its description, as typed more than through a synonym —
// then by the baseline (popularity). A word that matches nothing never empties the result.
//
// Scoring every match would cost as much as there are matches ("wireless" in a catalog of 100,000). So the
// products scored are a pool that holds the best at any size, in tiers, each part bounded and read from an
// index (docs/architecture.md §16): products holding every term (in their title, or anywhere); then, only if
// those are fewer than the page needs, products holding a term in their title; then any term anywhere. A
// tier the page does not need is not read at all (a one-time filter on the tiers before it). How many match
// in all is counted apart.

/** Holding a term at all outweighs every difference of where it is held: the number of terms held ranks first. */
const HELD = 2;
/** What a term found in each place is worth besides (the embedded ranker weighs a product's words alike). */
const FIELD_WEIGHT: Record<Field, number> = { AB: 1, C: 0.8, any: 0.3 };
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
  const found = (field: Field, typedOnly: boolean) =>
    sql`when p.search_vector @@ ${termQuery(term, field, typedOnly)}::tsquery then ${sql.raw(String(HELD + FIELD_WEIGHT[field] * (typedOnly ? 1 : ALTERNATIVE)))}`;
  const fields: Field[] = ["AB", "C", "any"];
  const cases = fields.flatMap((field) => (term.alternatives.length === 1 ? [found(field, true)] : [found(field, true), found(field, false)]));
  return sql`(case ${sql.join(cases, sql` `)} else 0 end)`;
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

export async function searchProducts(db: Db, asRead: QueryReading, { category, limit, offset = 0 }: SearchPage): Promise<SearchResults> {
  // A term no product holds can only cost the index its time: the search is what the catalog can answer.
  const reading = { ...asRead, sought: asRead.sought.filter((term) => term.docs > 0) };
  if (reading.sought.length === 0) return { products: [], matches: 0, moreMatches: false };
  const excluded = excludedQuery(reading);
  const where = (vector: SQL, query: string) =>
    sql`${vector} @@ ${query}::tsquery ${category ? sql`and p.category = ${category}` : sql``} ${excluded ? sql`and not p.search_vector @@ ${excluded}::tsquery` : sql``}`;
  const needed = offset + limit;
  const pool = Math.max(POOL, needed);
  const size = Math.max(1, reading.catalogSize);
  const anyOf = (docs: (term: SoughtTerm) => number) => Math.min(size, reading.sought.reduce((sum, term) => sum + docs(term), 0));
  const allOf = (docs: (term: SoughtTerm) => number) => reading.sought.reduce((share, term) => share * Math.min(1, docs(term) / size), size);
  const [anyDocs, allDocs] = [anyOf((term) => term.docs), allOf((term) => term.docs)];
  const [anyInTitles, allInTitles] = [anyOf((term) => term.titleDocs), allOf((term) => term.titleDocs)];
  // "+ 0": the same order, but not from the popularity index (see BROAD).
  const order = (docs: number) => (docs > BROAD * size ? sql`p.popularity desc nulls last` : sql`p.popularity + 0 desc nulls last`);
  const part = (vector: SQL, query: string, docs: number, unlessFound?: string) =>
    sql`(select p.id from products p where ${unlessFound ? sql`(select count(*) from ${sql.raw(unlessFound)}) < ${needed} and ` : sql``}${where(vector, query)}
      order by ${order(docs)} limit ${pool})`;
  const title = sql`p.title_vector`;
  const anywhere = sql`p.search_vector`;
  const anyTerm = anyTermQuery(reading);
  const allTerms = allTermsQuery(reading);
  const several = allTerms !== anyTerm;
  const tiers = several
    ? sql`every_term as (${part(title, allTerms, allInTitles)} union ${part(anywhere, allTerms, allDocs)}),
        in_title as (select id from every_term union ${part(title, anyTerm, anyInTitles, "every_term")}),
        pool as (select id from in_title union ${part(anywhere, anyTerm, anyDocs, "in_title")})`
    : sql`in_title as (${part(title, anyTerm, anyInTitles)}),
        pool as (select id from in_title union ${part(anywhere, anyTerm, anyDocs, "in_title")})`;
  const score = sql.join([...reading.sought.map(termScore), sql`${sql.raw(String(POPULARITY_WEIGHT))} * p.popularity`], sql` + `);
  const [rows, counted] = await Promise.all([
    rowsOf<ProductRow>(
      db,
      sql`with ${tiers}
        select ${productColumnsSql} from pool join products p on p.id = pool.id
        order by ${score} desc, p.popularity desc nulls last, length(p.id), p.id
        limit ${limit} offset ${offset}`,
    ),
    // Past the cap for sure (a single word of the search held by more products than that, across the whole
    // store): nothing to count.
    !category && !excluded && Math.max(...reading.sought.map((term) => term.surelyDocs)) > MATCH_COUNT_CAP
      ? Promise.resolve({ matches: MATCH_COUNT_CAP, moreMatches: true })
      : countMatches(db, where(anywhere, anyTerm), { fullText: true }),
  ]);
  return { products: rows.map(toProduct), ...counted };
}
