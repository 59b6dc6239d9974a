import { createHash } from "node:crypto";

// A Shopify export names a product by its Handle ("wool-runner"); Aisle's product ids are digits
// (lib/catalog/types.ts). The id is derived from the handle alone, so importing the same store again
// updates the same products: "7" then 15 digits of the handle's SHA-256. Sixteen digits starting with 7
// cannot meet the demo catalog's ids ("1"…"72") nor generated ones (10 digits). Two handles of one file that
// land on one id are refused by the reader (shopify-csv.ts); across files, 100,000 handles collide with odds
// of about 1 in 200,000.

const SPAN = 10n ** 15n;

/** Shopify treats handles as lowercase; so do we, so "Wool-Runner" and "wool-runner" are one product. */
export const normalizeHandle = (handle: string) => handle.trim().toLowerCase();

export function idForHandle(handle: string): string {
  const digest = createHash("sha256").update(normalizeHandle(handle), "utf8").digest();
  return `7${(digest.readBigUInt64BE(0) % SPAN).toString().padStart(15, "0")}`;
}
