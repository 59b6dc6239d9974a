import { inArray } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import { processSingleton } from "@/lib/process/process-singleton";

// Product ids a beacon named and the catalog held: a click on a popular product is checked from memory, not
// with a query per beacon (BENCHMARKS.md §14). A product removed since still counts for a click: it was real
// when its ranking was shown.

const REMEMBERED = 50_000;

const known = processSingleton("known-products", () => new LRUCache<string, true>({ max: REMEMBERED }));

/** True when every id names a product in the catalog. */
export async function allProductsExist(ids: readonly string[]): Promise<boolean> {
  const unknown = [...new Set(ids)].filter((id) => !known.has(id));
  if (unknown.length === 0) return true;
  const db = await getDb();
  const found = await db.select({ id: products.id }).from(products).where(inArray(products.id, unknown));
  for (const row of found) known.set(row.id, true);
  return found.length === unknown.length;
}
