import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

// The store's own command-line tools, run as an operator runs them: `npm run catalog -- …` (the catalog CLI)
// and the retrieval timer, each under eval/register.ts so Node resolves lib/'s `@/` imports.

const REGISTER = ["--import", "./eval/register.ts"];

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node --import ./eval/register.ts <script> <args>` with `env` added, bounded by `timeoutMs`. */
export function runTool(script: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...REGISTER, script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The generated catalog of `size` products (made once per size and seed, kept under bench-results/catalogs/). */
export async function generatedCatalog(size: number, seed: number): Promise<string> {
  const dir = path.resolve("bench-results/catalogs");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `generated-${size}-seed-${seed}.jsonl`);
  if (existsSync(file)) return file;
  const made = await runTool("scripts/catalog.ts", ["generate", "--products", String(size), "--out", file, "--seed", String(seed)], {}, 600_000);
  if (made.code !== 0) throw new Error(`catalog generate failed: ${made.stderr.slice(0, 500)}`);
  return file;
}

export interface RetrievalTimes {
  queries: number;
  matchedNothing: number;
  searches: number[];
  shortlists: number[];
}

/** Times the store's retrieval on the database `env` names (bench/catalog/time-retrieval.ts). */
export async function timeRetrieval(env: Record<string, string>, runs: number): Promise<RetrievalTimes> {
  const ran = await runTool("bench/catalog/time-retrieval.ts", [String(runs)], env, 1_800_000);
  const line = ran.stdout.trim().split("\n").at(-1) ?? "";
  if (ran.code !== 0 || !line.startsWith("{")) throw new Error(`the retrieval timer failed (exit ${ran.code}): ${ran.stderr.slice(-800)}`);
  return JSON.parse(line) as RetrievalTimes;
}
