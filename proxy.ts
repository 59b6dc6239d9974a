import { NextResponse, type NextRequest } from "next/server";
import { SHOPPER_COOKIE } from "@/lib/shoppers/current";
import { getShopper } from "@/lib/shoppers/shoppers";

const YEAR = 60 * 60 * 24 * 365;

/**
 * `?shopper=<id>` selects a shopper and remembers it in a cookie. Server Components cannot set cookies,
 * so it happens here; the request's own cookie is updated too, so this very render sees the new shopper.
 */
export async function proxy(request: NextRequest) {
  const chosen = request.nextUrl.searchParams.get("shopper");
  if (!chosen || request.cookies.get(SHOPPER_COOKIE)?.value === chosen || !(await getShopper(chosen))) {
    return NextResponse.next();
  }
  request.cookies.set(SHOPPER_COOKIE, chosen);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(SHOPPER_COOKIE, chosen, { path: "/", maxAge: YEAR, sameSite: "lax", httpOnly: true });
  return response;
}

export const config = {
  matcher: ["/", "/products/:id*"],
};
