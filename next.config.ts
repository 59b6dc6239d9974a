// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package directory: not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
};

export default nextConfig;
