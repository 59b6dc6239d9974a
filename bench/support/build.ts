import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// The bench measures the production build in .next: one older than the sources would measure code that
// is no longer there (the pipeline changes under it), so such a build is made again.

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "drizzle",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

function newest(entry: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(entry)) return undefined;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return { file: entry, mtimeMs: stat.mtimeMs };
  let best: { file: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(entry)) {
    const found = newest(path.join(entry, name));
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/** Why the app needs building (no build, or a source newer than it), or undefined when the build is current. */
export function buildNeeded(): string | undefined {
  if (!existsSync(".next/BUILD_ID")) return "no build";
  const built = statSync(".next/BUILD_ID").mtimeMs;
  const changed = BUILD_INPUTS.map(newest).find((found) => found && found.mtimeMs > built);
  return changed ? `${changed.file} changed since the last build` : undefined;
}
