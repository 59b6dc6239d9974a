import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import synonyms from "@/lib/catalog/data/synonyms.json" with { type: "json" };
import { rebuildSearchWords, replaceSynonyms } from "@/lib/catalog/retrieval/vocabulary";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import type { Db } from "./client";
import { categories, products, searchSynonyms, searchWords, shoppers } from "./schema";

/** Whether every catalog row is already there: then a start writes nothing (a few counts, no 72-row insert). */
async function alreadySeeded(db: Db): Promise<boolean> {
  // One after another: on PostgreSQL this runs on the one client that holds the migration lock.
  return (
    (await db.$count(categories)) >= CATEGORIES.length &&
    (await db.$count(products)) >= PRODUCTS.length &&
    (await db.$count(shoppers)) >= PROFILES.length &&
    (await db.$count(searchWords)) > 0
  );
}

/**
 * Fills an empty database from the typed catalog and profiles; rows that exist are left as they are. The
 * search's vocabulary is rebuilt from the products, and the synonyms are the catalog's default unless the
 * store has its own (docs/architecture.md §16).
 */
export async function seedDatabase(db: Db): Promise<void> {
  if (await alreadySeeded(db)) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(categories)
      .values(CATEGORIES.map((category, position) => ({ ...category, position })))
      .onConflictDoNothing();
    await tx
      .insert(products)
      .values(PRODUCTS.map(({ price, ...product }) => ({ ...product, tags: [...product.tags], priceCents: Math.round(price * 100) })))
      .onConflictDoNothing();
    await tx
      .insert(shoppers)
      .values(PROFILES.map((profile, position) => ({ id: profile.id, profile, position })))
      .onConflictDoNothing();
  });
  await rebuildSearchWords(db);
  if ((await db.$count(searchSynonyms)) === 0) await replaceSynonyms(db, synonyms);
}
