import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

// A large load is faster into a table without its secondary indexes, built once afterwards, than with every
// row maintaining them (the full-text GIN index most of all). The definitions are read from the database
// itself, so they stay what the migrations made; the primary key stays (the upsert needs it). Inside the
// caller's transaction: a failed load leaves the indexes as they were.

export async function withIndexesBuiltOnce<T>(tx: Db, work: () => Promise<T>): Promise<T> {
  const indexes = await rowsOf<{ name: string; definition: string }>(
    tx,
    sql`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename = 'products'
          and indexname not in (select conname from pg_constraint where conrelid = 'products'::regclass)
        order by indexname`,
  );
  for (const { name } of indexes) await tx.execute(sql`drop index ${sql.identifier(name)}`);
  const result = await work();
  for (const { definition } of indexes) await tx.execute(sql.raw(definition));
  return result;
}
