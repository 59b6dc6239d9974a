import { NextResponse, type NextRequest } from "next/server";
import { BROWSER_COOKIE, BROWSER_COOKIE_OPTIONS, parseBrowserId } from "@/lib/browser/browser-id";
import { refuseAction } from "@/lib/http/action-guard";
import { shareConnectionSignal } from "@/lib/http/connection-signals";
import { HSTS, newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";
import { SHOPPER_COOKIE } from "@/lib/shoppers/current";
import { isShopper } from "@/lib/shoppers/shoppers";

const development = process.env.NODE_ENV === "development";

/**
 * Before a page renders (or a server action runs):
 * - a server action from another site, or with an oversized body, is refused with a 4xx (action-guard);
 * - every page gets a Content-Security-Policy with a fresh nonce (Next puts it on its scripts; the page
 *   reads it from `x-nonce` for its own), and HSTS over HTTPS;
 * - every browser gets its random id (its cart and live signals hang off it);
 * - `?shopper=<id>` selects a shopper and remembers it in a cookie.
 * Server Components cannot set cookies, so both happen here, on the response and on the request itself,
 * so that this very render sees them.
 * - The picks page learns when its client disconnects, to stop the model request (see connection-signals).
 */
export async function proxy(request: NextRequest) {
  const host = request.headers.get("host") ?? request.nextUrl.host;
  const refusal = request.method === "POST" && request.headers.has("next-action") ? refuseAction(request.headers, host) : undefined;
  if (refusal) return NextResponse.json({ error: refusal.error }, { status: refusal.status, headers: { "cache-control": "no-store" } });

  const set: [name: string, value: string][] = [];
  if (!parseBrowserId(request.cookies.get(BROWSER_COOKIE)?.value)) {
    set.push([BROWSER_COOKIE, crypto.randomUUID()]);
  }
  const chosen = request.nextUrl.searchParams.get("shopper");
  if (chosen !== null && request.cookies.get(SHOPPER_COOKIE)?.value !== chosen && (await isShopper(chosen))) {
    set.push([SHOPPER_COOKIE, chosen]);
  }
  for (const [name, value] of set) request.cookies.set(name, value);

  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { development, https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  if (request.nextUrl.pathname === "/") shareConnectionSignal(headers, request.signal);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set(HSTS.name, HSTS.value);
  for (const [name, value] of set) response.cookies.set(name, value, BROWSER_COOKIE_OPTIONS);
  return response;
}

export const config = {
  // Every page (the 404 page too), not the API (its headers come from next.config.js) nor static files;
  // link prefetches carry no document, so they skip the work.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|products/.*\\.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
