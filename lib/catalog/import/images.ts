import { statSync } from "node:fs";
import path from "node:path";

// Where an imported product's picture may come from (DESIGN §4): a file under public/ (served by the store
// itself), or an https URL on a host of AISLE_IMAGE_HOSTS (served through next/image, which fetches only from
// the hosts next.config.js allows). Anything else would be a broken or foreign image on the page: refused.

/** The drawn picture a product without one gets. */
export const PLACEHOLDER_IMAGE = "/products/placeholder.svg";

export interface ImageRules {
  /** The directory the store serves at `/` (the project's public/). */
  publicDir: string;
  /** AISLE_IMAGE_HOSTS, parsed. */
  hosts: readonly string[];
}

export type ImageResult = { ok: true; image: string } | { ok: false; message: string };

/** A URL path as a file name ("%20" is a space); a malformed escape is kept, and then names no file. */
function decoded(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return urlPath;
  }
}

/** Checks one image; `isFile` is asked once per distinct path (a catalog repeats its placeholder). */
export function imageChecker(rules: ImageRules): (image: string | undefined) => ImageResult {
  const files = new Map<string, boolean>();
  const isFile = (file: string) => {
    let known = files.get(file);
    if (known === undefined) {
      try {
        known = statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        known = false; // a name no file system takes (a NUL byte)
      }
      files.set(file, known);
    }
    return known;
  };
  const allowed = rules.hosts.length === 0 ? "AISLE_IMAGE_HOSTS is unset: local images only" : `AISLE_IMAGE_HOSTS allows ${rules.hosts.join(", ")}`;

  return (image) => {
    const value = image?.trim() ?? "";
    if (value === "") return { ok: true, image: PLACEHOLDER_IMAGE };
    if (value.startsWith("/") && !value.startsWith("//")) {
      const file = path.join(rules.publicDir, decoded(value.split(/[?#]/)[0] ?? ""));
      // No way out of public/ ("/../.env"), and only a file the store can serve.
      if (!file.startsWith(rules.publicDir + path.sep) || !isFile(file)) return { ok: false, message: `${JSON.stringify(value.slice(0, 80))} is not a file under public/` };
      return { ok: true, image: value };
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { ok: false, message: `must be a path under public/ (like /products/1.svg) or an https URL, got ${JSON.stringify(value.slice(0, 60))}` };
    }
    if (url.protocol !== "https:") return { ok: false, message: `must be an https URL, got ${url.protocol.slice(0, -1)}` };
    if (url.username || url.password || url.port) return { ok: false, message: "an image URL may not carry a user, a password or a port" };
    if (!rules.hosts.includes(url.hostname)) return { ok: false, message: `host ${url.hostname} is not allowed (${allowed})` };
    return { ok: true, image: url.href };
  };
}
