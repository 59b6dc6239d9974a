import { parseCookie } from "cookie";
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

/** The browser's IANA time zone, written by the page itself (components/layout/time-zone-cookie.tsx, `aisle-tz`). */
export const TIME_ZONE_COOKIE = "aisle-tz";

/** A time zone this runtime knows, else undefined (a forged cookie is ignored). */
export function parseTimeZone(value: string | undefined): string | undefined {
  if (!value || value.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Who is asking, as far as the store can tell: its browser id and time zone, either possibly unknown. */
export interface BrowserContext {
  id?: string;
  timeZone?: string;
}

/** The browser a request's cookies name (a page's `cookies()`, or a route handler's `request.cookies`). */
export function browserFromCookies(cookies: { get(name: string): { value: string } | undefined }): BrowserContext {
  return { id: parseBrowserId(cookies.get(BROWSER_COOKIE)?.value), timeZone: parseTimeZone(cookies.get(TIME_ZONE_COOKIE)?.value) };
}

/** The cookie's value if it is one of ours, else undefined (a forged or garbled cookie is ignored). */
export function parseBrowserId(value: string | undefined): string | undefined {
  return browserIdSchema.safeParse(value).success ? value : undefined;
}

/** The browser a raw `Cookie` header names: a request read outside Next (the launcher's beacons, lib/process/launcher-routes.ts). */
export function browserFromCookieHeader(header: string | null): BrowserContext {
  const cookies = parseCookie(header ?? "");
  return browserFromCookies({ get: (name) => (cookies[name] === undefined ? undefined : { value: cookies[name] }) });
}
