// The security headers of every page and route (docs/architecture.md §13). Plain data and string building:
// proxy.ts (pages, with a per-request nonce) and next.config.js (everything else) both use them. Node imports
// this file for next.config.js as it is, stripping its types: keep it to erasable TypeScript, with no imports.

/** Headers every response carries, whatever it is. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

/** Sent only over HTTPS: a browser must not be told to insist on HTTPS by a plain-HTTP response. */
export const HSTS = { name: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" } as const;

/** A route that is not a page (the NDJSON API, JSON errors): nothing may load or run, nothing may frame it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * A page's policy: scripts only by this request's nonce (Next puts it on its own scripts; `strict-dynamic`
 * lets them load the chunks they need), no `unsafe-eval` outside development (React uses eval there for
 * error stacks). Everything else from this origin only; no plugins, no framing, no foreign form targets.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh, unguessable nonce per request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
