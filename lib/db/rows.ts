import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

// Raw SQL for what the query builder does not say (full-text search, trigram similarity), alike on both
// drivers: PGlite and node-postgres both answer with `rows`.

/** The rows a raw query returns. */
export async function rowsOf<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** A text[] parameter as PostgreSQL's array literal, every element quoted: `${textArray(words)}::text[]`. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(",")}}`;
}
