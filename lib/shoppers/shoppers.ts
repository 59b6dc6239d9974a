import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { shoppers } from "@/lib/db/schema";
import type { BrowserContext } from "@/lib/browser/browser-id";
import { getOwnShopper, ownShopperId } from "./own-shopper";
import { OWN_SHOPPER, OWN_SHOPPER_LABEL, shopperIdSchema, type ShopperProfile } from "./types";

// The one door to shopper profiles: a browser's own (`me`), derived from its history, or a demo shopper's.

/** The shopper a first visit gets: the browser itself ("You"). */
export const DEFAULT_SHOPPER_ID = OWN_SHOPPER;

/** Whether `?shopper=` names a shopper (the browser's own, or a demo shopper), without deriving a profile. */
export async function isShopper(id: string): Promise<boolean> {
  return id === OWN_SHOPPER || (await getShopper(id)) !== undefined;
}

/** The profile a ranking uses: `me` is the calling browser's own (a browser without an id: a new, empty one). */
export async function resolveShopper(id: string, browser: BrowserContext): Promise<ShopperProfile | undefined> {
  if (id === OWN_SHOPPER) return (await getOwnShopper(browser.id, browser.timeZone)).profile;
  return getShopper(id);
}

export async function listShoppers(): Promise<readonly ShopperProfile[]> {
  const db = await getDb();
  const rows = await db.select({ profile: shoppers.profile }).from(shoppers).orderBy(asc(shoppers.position));
  return rows.map((row) => row.profile);
}

/**
 * Who a shopper is, without deriving a profile: the id its rankings are stored by, and its name (a page that
 * only says whose ranking it was needs no more).
 */
export async function shopperIdentity(id: string, browser: BrowserContext): Promise<{ id: string; name: string } | undefined> {
  if (id === OWN_SHOPPER) return { id: ownShopperId(browser.id), name: OWN_SHOPPER_LABEL.name };
  const demo = await getShopper(id);
  return demo ? { id: demo.id, name: demo.name } : undefined;
}

/** A demo shopper (never a browser's own: their ids are not in the table, nor accepted from a URL). */
export async function getShopper(id: string): Promise<ShopperProfile | undefined> {
  // An id that cannot exist is answered without a query (PostgreSQL refuses a NUL byte with an error).
  if (!shopperIdSchema.safeParse(id).success) return undefined;
  const db = await getDb();
  const [row] = await db.select({ profile: shoppers.profile }).from(shoppers).where(eq(shoppers.id, id));
  return row?.profile;
}
