import { NextResponse, type NextRequest } from "next/server";
import { BROWSER_COOKIE, BROWSER_COOKIE_OPTIONS, parseBrowserId } from "@/lib/browser/browser-id";
import { shareConnectionSignal } from "@/lib/http/connection-signals";
import { SHOPPER_COOKIE } from "@/lib/shoppers/current";
import { getShopper } from "@/lib/shoppers/shoppers";

/**
 * Before a page renders:
 * - every browser gets its random id (its cart and live signals hang off it);
 * - `?shopper=<id>` selects a shopper and remembers it in a cookie.
 * Server Components cannot set cookies, so both happen here, on the response and on the request itself,
 * so that this very render sees them.
 * - The picks page learns when its client disconnects, to stop the model request (see connection-signals).
 */
export async function proxy(request: NextRequest) {
  const set: [name: string, value: string][] = [];
  if (!parseBrowserId(request.cookies.get(BROWSER_COOKIE)?.value)) {
    set.push([BROWSER_COOKIE, crypto.randomUUID()]);
  }
  const chosen = request.nextUrl.searchParams.get("shopper");
  if (chosen !== null && request.cookies.get(SHOPPER_COOKIE)?.value !== chosen && (await getShopper(chosen))) {
    set.push([SHOPPER_COOKIE, chosen]);
  }
  for (const [name, value] of set) request.cookies.set(name, value);

  const headers = new Headers(request.headers);
  if (request.nextUrl.pathname === "/") shareConnectionSignal(headers, request.signal);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of set) response.cookies.set(name, value, BROWSER_COOKIE_OPTIONS);
  return response;
}

export const config = {
  matcher: ["/", "/products/:id*", "/cart"],
};
