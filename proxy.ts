import { NextResponse, type NextRequest } from "next/server";
import { shareConnectionSignal } from "@/lib/http/connection-signals";
import { SHOPPER_COOKIE } from "@/lib/shoppers/current";
import { getShopper } from "@/lib/shoppers/shoppers";

const YEAR = 60 * 60 * 24 * 365;

/**
 * Two jobs before a page renders:
 * - `?shopper=<id>` selects a shopper and remembers it in a cookie. Server Components cannot set cookies,
 *   so it happens here; the request's own cookie is updated too, so this very render sees the new shopper.
 * - The picks page learns when its client disconnects, to stop the model request (see connection-signals).
 */
export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  if (request.nextUrl.pathname === "/") shareConnectionSignal(headers, request.signal);

  const chosen = request.nextUrl.searchParams.get("shopper");
  const remember = chosen !== null && request.cookies.get(SHOPPER_COOKIE)?.value !== chosen && (await getShopper(chosen)) !== undefined;
  if (remember) {
    request.cookies.set(SHOPPER_COOKIE, chosen);
    headers.set("cookie", request.headers.get("cookie") ?? "");
  }
  const response = NextResponse.next({ request: { headers } });
  if (remember) response.cookies.set(SHOPPER_COOKIE, chosen, { path: "/", maxAge: YEAR, sameSite: "lax", httpOnly: true });
  return response;
}

export const config = {
  matcher: ["/", "/products/:id*"],
};
