import { z } from "zod";

/** A random id per browser (httpOnly, SameSite=Lax): its cart and its live signals hang off it. */
export const BROWSER_COOKIE = "aisle-browser";

export const browserIdSchema = z.uuid();

/** How Aisle sets its cookies (this one and the remembered shopper): a year, first-party, never read by scripts. */
export const BROWSER_COOKIE_OPTIONS = {
  path: "/",
  maxAge: 60 * 60 * 24 * 365,
  sameSite: "lax",
  httpOnly: true,
} as const;

/** The cookie's value if it is one of ours, else undefined (a forged or garbled cookie is ignored). */
export function parseBrowserId(value: string | undefined): string | undefined {
  return browserIdSchema.safeParse(value).success ? value : undefined;
}
