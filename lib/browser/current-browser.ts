import { cookies } from "next/headers";
import { BROWSER_COOKIE, BROWSER_COOKIE_OPTIONS, browserFromCookies, parseBrowserId, type BrowserContext } from "./browser-id";

/** This request's browser id, if it has one (the proxy gives every page visit one). */
export async function currentBrowserId(): Promise<string | undefined> {
  return parseBrowserId((await cookies()).get(BROWSER_COOKIE)?.value);
}

/** This request's browser: its id and its time zone, when it has them. */
export async function currentBrowser(): Promise<BrowserContext> {
  return browserFromCookies(await cookies());
}

/** In a server action: this browser's id, given one now if it had none (cookies blocked until now, say). */
export async function ensureBrowserId(): Promise<string> {
  const jar = await cookies();
  const existing = parseBrowserId(jar.get(BROWSER_COOKIE)?.value);
  if (existing) return existing;
  const id = crypto.randomUUID();
  jar.set(BROWSER_COOKIE, id, BROWSER_COOKIE_OPTIONS);
  return id;
}
