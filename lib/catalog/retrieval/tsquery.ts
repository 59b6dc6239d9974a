import type { QueryReading, SoughtTerm } from "./understand-query";

// The reading of a search written as PostgreSQL tsquery text, built from stems the database produced itself
// (to_tsvector), each quoted as a literal: nothing a shopper types is ever tsquery syntax. The search document
// weighs name and brand A, kind B, tags C, description D (lib/db/schema.ts); `:AB` asks for a stem there only.

/** A stem as a tsquery literal: in single quotes, quotes doubled, backslashes escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** Where in a product a term is looked for: what it is (A, B), its tags (C), or anywhere. */
export type Field = "AB" | "C" | "any";

/**
 * One term in `field`: any of its alternatives, or (`typedOnly`) the first alone, the one typed (or its
 * correction). A phrase typed in quotes must stand in order; a synonym's words anywhere.
 */
export function termQuery(term: SoughtTerm, field: Field, typedOnly = false): string {
  const weight = field === "any" ? "" : `:${field}`;
  const alternatives = (typedOnly ? term.alternatives.slice(0, 1) : term.alternatives).map((stems) => `(${stems.map((stem) => quoteLexeme(stem) + weight).join(term.quoted ? " <-> " : " & ")})`);
  return `(${alternatives.join(" | ")})`;
}

/** Any term anywhere: what a product must match at least to be a result. */
export function anyTermQuery(reading: QueryReading): string {
  return reading.sought.map((term) => termQuery(term, "any")).join(" | ");
}

/** Every term somewhere: the products that answer the whole search. */
export function allTermsQuery(reading: QueryReading): string {
  return reading.sought.map((term) => termQuery(term, "any")).join(" & ");
}

/** The excluded words (-word): a product holding any of them is no result. */
export function excludedQuery(reading: QueryReading): string | undefined {
  return reading.excluded.length === 0 ? undefined : reading.excluded.map(quoteLexeme).join(" | ");
}
