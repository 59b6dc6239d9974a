import type { NextRequest } from "next/server";
import { browserFromCookies } from "@/lib/browser/browser-id";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { storedRows } from "@/lib/shoppers/forget";
import { getOwnShopper } from "@/lib/shoppers/own-shopper";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/profile → the calling browser's own profile (DESIGN §4), derived from its history, with where each
 * fact comes from, and how many rows it holds. A client without the browser cookie is a new shopper: an empty profile. Only the cookie
 * decides whose profile it is; nothing in the request can name another browser.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const browser = browserFromCookies(request.cookies);
  try {
    const [{ profile, facts }, stored] = await Promise.all([getOwnShopper(browser.id, browser.timeZone), storedRows(browser.id)]);
    const { id: _id, name: _name, tagline: _tagline, ...fields } = profile;
    // `stored`: how many rows the store holds for this browser, kind by kind ("Forget me" leaves none).
    return Response.json({ shopper: "me", profile: fields, facts, stored }, { headers: NO_STORE });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return Response.json({ error: DATABASE_UNAVAILABLE.error }, { status: 503, headers: { ...NO_STORE, "retry-after": String(DATABASE_UNAVAILABLE.retryAfterSeconds) } });
  }
}
