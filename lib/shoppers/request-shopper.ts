import { cookies } from "next/headers";
import { SHOPPER_COOKIE } from "./current";
import { DEFAULT_SHOPPER_ID, isShopper } from "./shoppers";

/** The shopper this browser remembers (`?shopper=` sets it), or the browser's own ("me") on a first visit. */
export async function rememberedShopperId(): Promise<string> {
  const remembered = (await cookies()).get(SHOPPER_COOKIE)?.value;
  // A remembered id that no longer names a shopper is forgotten, not an error.
  return remembered && (await isShopper(remembered)) ? remembered : DEFAULT_SHOPPER_ID;
}
