import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startNext } from "./support/server.ts";

// First-load JavaScript of `/`: every script the page's HTML loads, gzipped, against a bare Next app
// (one static page) built here with the same Next and React.

async function firstLoadJs(url: string): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await fetch(`${url}/`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1] as string))];
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, url))).arrayBuffer());
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: sources.length, gzipBytes };
}

function buildBareApp(): string {
  // Inside the repository (git-ignored): it resolves next and react from our node_modules, and Turbopack
  // compiles only files under the workspace root.
  const dir = path.resolve("bench-results/bare-next");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module" }));
  writeFileSync(path.join(dir, "next.config.js"), "export default {};\n");
  writeFileSync(path.join(dir, "app/layout.js"), "export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n");
  writeFileSync(path.join(dir, "app/page.js"), "export default function Page() { return <p>bare</p>; }\n");
  // Its own (empty) instrumentation and proxy: without them Next would pick up the repository's, whose root it shares.
  writeFileSync(path.join(dir, "instrumentation.js"), "export function register() {}\n");
  writeFileSync(path.join(dir, "proxy.js"), 'export function proxy() {}\nexport const config = { matcher: "/never-matched" };\n');
  execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { cwd: dir, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return dir;
}

export interface ClientJsResult {
  aisle: { files: number; gzipBytes: number };
  bare: { files: number; gzipBytes: number };
}

export async function measureClientJs(port: number): Promise<ClientJsResult> {
  const app = await startNext({ port, env: { AISLE_DATA_DIR: "memory://", AISLE_SIM_TTFT_MS: "0", AISLE_SIM_TOKENS_PER_SECOND: "100000" } });
  const aisle = await firstLoadJs(app.url).finally(() => app.stop());
  const bareDir = buildBareApp();
  const bareServer = await startNext({ port, env: {}, cwd: bareDir });
  const bare = await firstLoadJs(bareServer.url).finally(() => bareServer.stop());
  return { aisle, bare };
}
