import { max } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { categories, products } from "@/lib/db/schema";
import { rebuildSearchWords } from "@/lib/catalog/retrieval/vocabulary";
import { newCategories, type NewCategory } from "./categories";
import type { ImageRules } from "./images";
import { withIndexesBuiltOnce } from "./indexes";
import { readJsonLines } from "./jsonl";
import { describeIssues, rowSchema, type ProductRecord } from "./rows";
import { readShopifyCsv } from "./shopify-csv";
import type { Refusal } from "./types";
import { countProductChanges, upsertProducts } from "./upsert";

// One import, start to end (DESIGN §4): read the file in its format, check every row, then — all or nothing
// unless told to skip bad rows — create the categories it names and upsert its products in one transaction,
// and rebuild the search's vocabulary once. A dry run does everything but write.

export const FORMATS = ["jsonl", "shopify-csv"] as const;
export type Format = (typeof FORMATS)[number];

/** Below this many rows, or into a catalog bigger than the import, indexes are kept up row by row. */
export const INDEX_REBUILD_FROM = 10_000;

export interface ImportOptions {
  format: Format;
  dryRun: boolean;
  skipBad: boolean;
  images: ImageRules;
  /**
   * "auto" (the default): build the products' secondary indexes once around a bulk load (indexes.ts) —
   * many rows, at least as many as the catalog holds; "keep": maintain them row by row, so that readers of
   * the products never wait for the import (dropping an index locks them out until it commits).
   */
  indexes?: "auto" | "rebuild" | "keep";
}

export interface ImportReport {
  /** Rows that passed every check. */
  good: number;
  added: number;
  changed: number;
  unchanged: number;
  refused: Refusal[];
  categoriesCreated: NewCategory[];
  /** False for a dry run, and when a refused row stopped an all-or-nothing import. */
  written: boolean;
  indexesRebuilt: boolean;
}

interface Checked {
  records: { record: ProductRecord; categoryName?: string }[];
  refused: Refusal[];
}

function check(text: string, options: ImportOptions): Checked {
  const source = options.format === "jsonl" ? readJsonLines(text) : readShopifyCsv(text);
  const schema = rowSchema(options.images);
  const refused = [...source.refused];
  const records: Checked["records"] = [];
  const lineOfId = new Map<string, number>();
  for (const row of source.rows) {
    const parsed = schema.safeParse(row.value);
    if (!parsed.success) {
      refused.push({ line: row.line, problem: describeIssues(parsed.error, source.label) });
      continue;
    }
    const earlier = lineOfId.get(parsed.data.id);
    if (earlier !== undefined) {
      refused.push({ line: row.line, problem: `${source.label?.("id") ?? "id"}: ${parsed.data.id} is already on line ${earlier}` });
      continue;
    }
    lineOfId.set(parsed.data.id, row.line);
    records.push({ record: parsed.data, categoryName: row.categoryName });
  }
  return { records, refused: refused.sort((a, b) => a.line - b.line) };
}

export async function importCatalog(db: Db, text: string, options: ImportOptions): Promise<ImportReport> {
  const { records, refused } = check(text, options);
  const rows = records.map(({ record }) => record);
  const existing = await db.select({ slug: categories.slug }).from(categories);
  const [{ last } = { last: null }] = await db.select({ last: max(categories.position) }).from(categories);
  const created = newCategories(records, new Set(existing.map(({ slug }) => slug)), (last ?? -1) + 1);
  const report: ImportReport = { good: rows.length, added: 0, changed: 0, unchanged: 0, refused, categoriesCreated: created, written: false, indexesRebuilt: false };
  if (refused.length > 0 && !options.skipBad) return report;

  if (options.dryRun) {
    const counts = await countProductChanges(db, rows);
    return { ...report, ...counts, unchanged: rows.length - counts.added - counts.changed };
  }

  const indexes = options.indexes ?? "auto";
  // A bulk load (many rows, at least as many as the catalog holds) is faster with its indexes built once.
  const rebuild = indexes === "rebuild" || (indexes === "auto" && rows.length >= INDEX_REBUILD_FROM && rows.length >= (await db.$count(products)));
  const counts = await db
    .transaction(async (tx) => {
      if (created.length > 0) await tx.insert(categories).values(created);
      return rebuild ? withIndexesBuiltOnce(tx, () => upsertProducts(tx, rows)) : upsertProducts(tx, rows);
    })
    .catch((error: unknown) => {
      throw new Error(`nothing written: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  // The search corrects typos towards the catalog's own words: new words must be among them.
  if (counts.added + counts.changed + created.length > 0) {
    await rebuildSearchWords(db).catch((error: unknown) => {
      throw new Error(`the products were written, but the search's vocabulary was not rebuilt (import the file again): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  return { ...report, ...counts, unchanged: rows.length - counts.added - counts.changed, written: true, indexesRebuilt: rebuild };
}
