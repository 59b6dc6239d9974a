import { existsSync, statSync } from "node:fs";
import { registerHooks } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

// Lets Node 24 run lib/ as Next and Vitest see it: `node --import ./eval/register.ts eval/run.ts`.
// Node strips the types itself; what it cannot do alone is the two things lib/'s imports rely on: the `@/`
// alias (tsconfig "paths": the project root) and relative imports written without their `.ts` extension.
// An in-thread resolve hook (module.registerHooks, Node ≥ 22.15) does both, with no dependency to install.
// Anything inside node_modules, and any specifier it cannot place, goes to Node's own resolver unchanged.

const root = fileURLToPath(new URL("../", import.meta.url));
const ENDINGS = [".ts", ".tsx", "/index.ts"];

function existing(path: string): string | undefined {
  if (existsSync(path) && statSync(path).isFile()) return path;
  return ENDINGS.map((ending) => path + ending).find((candidate) => existsSync(candidate));
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    let found: string | undefined;
    if (specifier.startsWith("@/")) found = existing(root + specifier.slice(2));
    else if (/^\.\.?\//.test(specifier) && context.parentURL?.startsWith("file:") && !context.parentURL.includes("/node_modules/")) {
      found = existing(fileURLToPath(new URL(specifier, context.parentURL)));
    }
    return found ? { url: pathToFileURL(found).href, shortCircuit: true } : nextResolve(specifier, context);
  },
});
