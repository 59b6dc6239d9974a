import { and, eq } from "drizzle-orm";
import { getProduct } from "@/lib/catalog/catalog";
import { getDb } from "@/lib/db/client";
import { notInterested, productRatings } from "@/lib/db/schema";
import { hasBought } from "@/lib/orders/orders";

// What a shopper tells the store about products: "not interested" in a recommendation, and stars for what
// they bought. Each writes only the calling browser's own rows.

export type Answer = { ok: true } | { ok: false; error: string };

/** "Not interested" in a product: left out of this browser's rankings from now on (undo: `undoNotInterested`). */
export async function markNotInterested(browserId: string, productId: string): Promise<Answer> {
  if (!(await getProduct(productId))) return { ok: false, error: "There is no such product." };
  const db = await getDb();
  await db.insert(notInterested).values({ browserId, productId }).onConflictDoNothing();
  return { ok: true };
}

export async function undoNotInterested(browserId: string, productId: string): Promise<Answer> {
  const db = await getDb();
  await db.delete(notInterested).where(and(eq(notInterested.browserId, browserId), eq(notInterested.productId, productId)));
  return { ok: true };
}

/** The products this browser answered "not interested" to (its rankings leave them out, whoever it shops as). */
export async function notInterestedIds(browserId: string | undefined): Promise<string[]> {
  if (!browserId) return [];
  const db = await getDb();
  const rows = await db.select({ productId: notInterested.productId }).from(notInterested).where(eq(notInterested.browserId, browserId)).limit(500);
  return rows.map((row) => row.productId);
}

/** Stars (1–5) for a product this browser bought; a second rating replaces the first. */
export async function rateProduct(browserId: string, productId: string, stars: number): Promise<Answer> {
  if (!(await hasBought(browserId, productId))) return { ok: false, error: "You can rate a product once you have bought it." };
  const db = await getDb();
  await db
    .insert(productRatings)
    .values({ browserId, productId, stars })
    .onConflictDoUpdate({ target: [productRatings.browserId, productRatings.productId], set: { stars, updatedAt: new Date() } });
  return { ok: true };
}

/** The stars this browser gave a product, if any. */
export async function ratingOf(browserId: string | undefined, productId: string): Promise<number | undefined> {
  if (!browserId) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ stars: productRatings.stars })
    .from(productRatings)
    .where(and(eq(productRatings.browserId, browserId), eq(productRatings.productId, productId)));
  return row?.stars;
}
