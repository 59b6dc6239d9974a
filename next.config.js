// @ts-check
// Next loads next.config.js with a plain import() (it transpiles only next.config.ts), so the modules below
// are imported as the .ts files they are and Node 24 — the project's own Node, as for `npm start` — strips
// their types itself. They hold erasable TypeScript only (no enums, no parameter properties), and no `@/`
// imports, for that reason.
import { imageRemotePatterns, parseImageHosts } from "./lib/catalog/image-hosts.ts";
import { API_CONTENT_SECURITY_POLICY, HSTS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers.ts";

const staticHeaders = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
/** @type {{ type: "header"; key: string; value: string }[]} */
const overHttps = [{ type: "header", key: "x-forwarded-proto", value: "https" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `unauthorized()` (a 401 page) for /insights without the operator's token.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package directory; rate-limiter-flexible imports
  // drizzle-orm by a computed name. Neither can be bundled: both are required from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible"],
  // Product images on AISLE_IMAGE_HOSTS (https) go through the image optimizer (components/product/
  // product-image.tsx), which fetches only from these hosts; local images are served as they are.
  images: { remotePatterns: imageRemotePatterns(parseImageHosts(process.env.AISLE_IMAGE_HOSTS)) },
  // Every response (pages, routes, static files) carries these; pages get their nonce CSP from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: staticHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      { source: "/:path*", has: overHttps, headers: [{ key: HSTS.name, value: HSTS.value }] },
    ];
  },
};

export default nextConfig;
