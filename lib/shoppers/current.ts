import { DEFAULT_SHOPPER_ID } from "./shoppers";

/** The cookie that remembers which shopper this browser is (DESIGN §4: `?shopper=` selects and remembers). */
export const SHOPPER_COOKIE = "aisle-shopper";

/** The shopper a request is for: the URL's choice, else the remembered one, else the demo's seed shopper. */
export function currentShopperId(fromUrl: string | undefined, fromCookie: string | undefined): string {
  return fromUrl ?? fromCookie ?? DEFAULT_SHOPPER_ID;
}
