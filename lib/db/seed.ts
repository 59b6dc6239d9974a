import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { searchText } from "@/lib/catalog/search";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import type { Db } from "./client";
import { categories, products, shoppers } from "./schema";

/** Whether every catalog row is already there: then a start writes nothing (three counts, no 72-row insert). */
async function alreadySeeded(db: Db): Promise<boolean> {
  // One after another: on PostgreSQL this runs on the one client that holds the migration lock.
  return (
    (await db.$count(categories)) >= CATEGORIES.length &&
    (await db.$count(products)) >= PRODUCTS.length &&
    (await db.$count(shoppers)) >= PROFILES.length
  );
}

/** Fills an empty database from the typed catalog and profiles; rows that exist are left as they are. */
export async function seedDatabase(db: Db): Promise<void> {
  if (await alreadySeeded(db)) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(categories)
      .values(CATEGORIES.map((category, position) => ({ ...category, position })))
      .onConflictDoNothing();
    await tx
      .insert(products)
      .values(
        PRODUCTS.map(({ price, ...product }) => ({
          ...product,
          tags: [...product.tags],
          priceCents: Math.round(price * 100),
          searchText: searchText({ ...product, price }),
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(shoppers)
      .values(PROFILES.map((profile, position) => ({ id: profile.id, profile, position })))
      .onConflictDoNothing();
  });
}
