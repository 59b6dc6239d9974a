import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { shoppers } from "@/lib/db/schema";
import { shopperIdSchema, type ShopperProfile } from "./types";

// The one door to shopper profiles.

/** The shopper a first visit gets, so the demo works at once. */
export const DEFAULT_SHOPPER_ID = "12345";

export async function listShoppers(): Promise<readonly ShopperProfile[]> {
  const db = await getDb();
  const rows = await db.select({ profile: shoppers.profile }).from(shoppers).orderBy(asc(shoppers.position));
  return rows.map((row) => row.profile);
}

export async function getShopper(id: string): Promise<ShopperProfile | undefined> {
  // An id that cannot exist is answered without a query (PostgreSQL refuses a NUL byte with an error).
  if (!shopperIdSchema.safeParse(id).success) return undefined;
  const db = await getDb();
  const [row] = await db.select({ profile: shoppers.profile }).from(shoppers).where(eq(shoppers.id, id));
  return row?.profile;
}
