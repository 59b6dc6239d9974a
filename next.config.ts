import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, HSTS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const staticHeaders = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
const overHttps = [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package directory; rate-limiter-flexible imports
  // drizzle-orm by a computed name. Neither can be bundled: both are required from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible"],
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
