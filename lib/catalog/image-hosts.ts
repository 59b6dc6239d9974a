// AISLE_IMAGE_HOSTS (DESIGN §4): the hosts whose `https` product images the store serves through next/image,
// comma-separated. Read by the catalog import (which refuses an image on any other host) and by
// next.config.js (next/image's remotePatterns). next.config.js imports this file as it is, through Node's own
// type stripping: keep it free of imports and of TypeScript that is more than erasable annotations.

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The hosts, lowercase; throws one message naming every entry that is not a plain hostname. */
export function parseImageHosts(value: string | undefined): string[] {
  const hosts = (value ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== "");
  const bad = hosts.filter((host) => !HOSTNAME.test(host));
  if (bad.length > 0) {
    throw new Error(`AISLE_IMAGE_HOSTS: ${bad.map((host) => JSON.stringify(host)).join(", ")} ${bad.length === 1 ? "is not a hostname" : "are not hostnames"} (give hosts only, e.g. cdn.shopify.com,images.example.com)`);
  }
  return [...new Set(hosts)];
}

/** next/image's remotePatterns for the hosts: https only, the default port, any path. */
export function imageRemotePatterns(hosts: readonly string[]): { protocol: "https"; hostname: string; port: string; pathname: string }[] {
  return hosts.map((hostname) => ({ protocol: "https", hostname, port: "", pathname: "/**" }));
}
