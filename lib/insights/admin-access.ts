import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config/env";

// /insights and /api/insights are the operator's (AISLE_ADMIN_TOKEN). No token configured: they do not exist
// (404). Otherwise the request brings the token — `Authorization: Bearer <token>`, or the page's sign-in
// cookie, which holds the token's SHA-256, never the token — or it is refused (401), the same way whatever
// was wrong.

export const ADMIN_COOKIE = "aisle-admin";
export type AdminAccess = "granted" | "refused" | "absent";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The sign-in cookie's value for a token. */
export function adminCookieValue(token: string): string {
  return digest(token).toString("hex");
}

function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether this token is the configured one (in constant time). */
export function isAdminToken(token: string, configured = getConfig().adminToken): boolean {
  return configured !== undefined && sameDigest(digest(token), digest(configured));
}

export function adminAccess(authorization: string | null, cookie: string | undefined, configured = getConfig().adminToken): AdminAccess {
  if (!configured) return "absent";
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer !== undefined && isAdminToken(bearer, configured)) return "granted";
  if (cookie && /^[0-9a-f]{64}$/.test(cookie) && sameDigest(Buffer.from(cookie, "hex"), digest(configured))) return "granted";
  return "refused";
}
