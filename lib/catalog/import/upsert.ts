import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import type { ProductRecord } from "./rows";

// Products written by id, many rows a statement, inside the caller's transaction. Each batch travels as one
// JSON parameter read by jsonb_to_recordset: a multi-row INSERT … SELECT with no 65,535-parameter ceiling,
// and measured faster than 11 bound parameters a row (README, "Bring your own catalog"). A row already as
// the file says is not written at all (no new row version, no index work, no search document computed):
// re-importing a file changes nothing and costs a read. The database tells an inserted row from an updated
// one by xmax (0: no earlier version). search_vector and popularity are generated from the written columns.

/** Rows a statement (about 2 MB of JSON for a typical catalog). */
export const BATCH_ROWS = 5000;

export interface WriteCounts {
  added: number;
  changed: number;
}

const UPDATED = ["name", "brand", "category", "kind", "price_cents", "rating", "review_count", "description", "tags", "image"] as const;
const columns = (prefix: string) => sql.raw(UPDATED.map((column) => `${prefix}${column}`).join(", "));

/** The batch as rows `i`, each with its current version `p` (null when new), and whether it differs. */
function incoming(batch: readonly ProductRecord[]): SQL {
  const json = JSON.stringify(
    batch.map((row) => ({ id: row.id, name: row.name, brand: row.brand, category: row.category, kind: row.kind, price_cents: row.priceCents, rating: row.rating, review_count: row.reviewCount, description: row.description, tags: row.tags, image: row.image })),
  );
  return sql`incoming as (
      select i.*, p.id is null as new, p.id is null or (${columns("p.")}) is distinct from (${columns("i.")}) as differs
      from jsonb_to_recordset(${json}::jsonb) as i(id text, name text, brand text, category text, kind text, price_cents integer, rating double precision, review_count integer, description text, tags jsonb, image text)
      left join products p on p.id = i.id
    )`;
}

function upsertBatch(batch: readonly ProductRecord[]): SQL {
  return sql`
    with ${incoming(batch)},
    written as (
      insert into products (id, ${columns("")})
      select id, ${columns("")} from incoming where differs
      -- A row another writer added meanwhile is updated, and only if it differs.
      on conflict (id) do update set ${sql.raw(UPDATED.map((column) => `${column} = excluded.${column}`).join(", "))}
      where (${columns("products.")}) is distinct from (${columns("excluded.")})
      returning (xmax = 0) as inserted
    )
    select (count(*) filter (where inserted))::int as added, (count(*) filter (where not inserted))::int as changed from written`;
}

/** What writing the batch would do, read only (a dry run). */
function countBatch(batch: readonly ProductRecord[]): SQL {
  return sql`
    with ${incoming(batch)}
    select (count(*) filter (where new))::int as added, (count(*) filter (where differs and not new))::int as changed from incoming`;
}

async function inBatches(db: Db, records: readonly ProductRecord[], statement: (batch: readonly ProductRecord[]) => SQL, batchRows: number): Promise<WriteCounts> {
  const counts: WriteCounts = { added: 0, changed: 0 };
  for (let start = 0; start < records.length; start += batchRows) {
    const [result] = await rowsOf<WriteCounts>(db, statement(records.slice(start, start + batchRows)));
    counts.added += result?.added ?? 0;
    counts.changed += result?.changed ?? 0;
  }
  return counts;
}

/** Writes the records (their ids unique) and counts what was added and what changed. */
export function upsertProducts(tx: Db, records: readonly ProductRecord[], batchRows = BATCH_ROWS): Promise<WriteCounts> {
  return inBatches(tx, records, upsertBatch, batchRows);
}

/** Counts what `upsertProducts` would add and change, writing nothing. */
export function countProductChanges(db: Db, records: readonly ProductRecord[], batchRows = BATCH_ROWS): Promise<WriteCounts> {
  return inBatches(db, records, countBatch, batchRows);
}
