import { execFileSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DB_LINE, READY_FILE, timeStart, summarise, type SendAt, type StartSummary, type StartTiming } from "./first-request.ts";
import { spawnNext, waitForOk } from "./support/next-process.ts";
import { median } from "./support/stats.ts";

// `next dev`'s first visit on an existing database (BENCHMARKS.md §9 b): the app copied to a temporary
// directory, so Turbopack's compile is measured cold, cached and apart from the request (Next's own trace).

/** Never copied into the dev server's copy of the app: build output, databases, reports, history. */
const NOT_COPIED = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  ".tools",
  "bench-results",
  "test-results",
  "playwright-report",
  "blob-report",
  "coverage",
  "out",
  "tsconfig.tsbuildinfo",
]);

/**
 * A copy of the app for `next dev`, so the dev server cannot touch this checkout's .next/ (Next 16 writes a
 * dev server's output to .next/dev/, but its lock, its Turbopack cache and next-env.d.ts would still be
 * ours, and a developer's own `next dev` may hold that lock). The sources are copied; node_modules is
 * hard-linked (`cp -al`: no bytes copied, ~1 s): a symlink would not do, Turbopack compiles nothing outside
 * the app's root and would not find `next` through it.
 */
function copyApp(dest: string): void {
  const root = process.cwd();
  cpSync(root, dest, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source);
      return relative === "" || !NOT_COPIED.has(relative.split(path.sep)[0] ?? "");
    },
  });
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dest, "node_modules")], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`could not hard-link node_modules into ${dest} (${String(error).split("\n")[0]}): is the temporary directory on another filesystem? Set TMPDIR to one on this one.`);
  }
}

const traceFile = (appDir: string) => path.join(appDir, ".next/dev/trace");

/** The trace's length now: a dev server appends to it, so each start reads only what comes after. */
function traceOffset(appDir: string): number {
  return existsSync(traceFile(appDir)) ? statSync(traceFile(appDir)).size : 0;
}

interface Compile {
  /** Next's compiles of pages and routes on this start, ms: the union of its `compile-path` spans, instrumentation and proxy left out. */
  total: number;
  /** The part of them between sending the first request and its first byte, ms. */
  duringRequest: number;
  /** What triggered them: "/", "/api/rankings", … */
  triggers: string[];
}

/** Next's compile spans of one start (.next/dev/trace, from `offset`), against the first request's window. */
function traceCompile(appDir: string, offset: number, window: { from: number; to: number }): Compile {
  const file = traceFile(appDir);
  if (!existsSync(file)) return { total: Number.NaN, duringRequest: Number.NaN, triggers: [] };
  const fd = openSync(file, "r");
  const length = statSync(file).size - offset;
  const buffer = Buffer.alloc(Math.max(0, length));
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  const spans: [number, number][] = [];
  const triggers = new Set<string>();
  for (const line of buffer.toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      for (const span of JSON.parse(line) as { name?: string; timestamp?: number; duration?: number; tags?: { trigger?: string } }[]) {
        const trigger = span.tags?.trigger ?? "";
        if (span.name !== "compile-path" || /^instrumentation|^proxy$|^middleware$/.test(trigger)) continue;
        triggers.add(trigger);
        spans.push([Number(span.timestamp), Number(span.timestamp) + Number(span.duration)]);
      }
    } catch {
      // a line cut by the shutdown: skip it
    }
  }
  // The union of the spans, whole and within the window (µs → ms).
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let during = 0;
  let current: [number, number] | undefined;
  const close = (span: [number, number]) => {
    total += span[1] - span[0];
    during += Math.max(0, Math.min(span[1], window.to) - Math.max(span[0], window.from));
  };
  for (const span of spans) {
    if (current && span[0] <= current[1]) current[1] = Math.max(current[1], span[1]);
    else {
      if (current) close(current);
      current = [...span];
    }
  }
  if (current) close(current);
  return spans.length === 0 ? { total: 0, duringRequest: 0, triggers: [] } : { total: total / 1000, duringRequest: during / 1000, triggers: [...triggers] };
}

/** "5.8s", "74ms", "2.1min" (Next's duration format) → ms. */
function durationMs(text: string | undefined): number {
  const match = text?.match(/^([\d.]+)(ms|s|min)$/);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "ms" ? value : match[2] === "s" ? value * 1000 : value * 60_000;
}

/** Bytes under a directory (0 if absent). */
function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    bytes += entry.isDirectory() ? dirBytes(full) : entry.isFile() ? statSync(full).size : 0;
  }
  return bytes;
}

/**
 * Waits until Turbopack has written its file-system cache (.next/dev/cache over 1 MB and no longer growing):
 * it writes it when the server goes idle, so a server stopped right after its first response may leave none.
 */
async function waitForCache(appDir: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = -1;
  let steady = 0;
  while (performance.now() < deadline) {
    const bytes = dirBytes(path.join(appDir, ".next/dev/cache"));
    steady = bytes > 1e6 && bytes === last ? steady + 1 : 0;
    if (steady >= 3) return;
    last = bytes;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export interface DevTiming extends StartTiming {
  /** Bytes of .next/dev/cache (Turbopack's file-system cache) when the server was started. */
  cacheBytes: number;
  compile: Compile;
  /** From Next's request line (`GET / 200 in 5.8s (next.js: 5.3s, proxy.ts: 74ms, application-code: 357ms)`). */
  requestLine?: { total: number; nextjs: number; proxy: number; application: number };
}

async function timeDev(appDir: string, dataDir: string, port: number, env: Record<string, string>, timeoutMs: number, sendAt: SendAt, keepCache: boolean): Promise<DevTiming> {
  const cacheBytes = dirBytes(path.join(appDir, ".next/dev/cache"));
  const offset = traceOffset(appDir);
  const server = await spawnNext({ command: "dev", port, cwd: appDir, env: { AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: dataDir, ...env } });
  let timing: StartTiming;
  let requestLine: DevTiming["requestLine"];
  try {
    timing = await timeStart(server, timeoutMs, sendAt);
    // Next prints the request's line once the response has ended.
    const line = await server.waitForLine(/GET \/\?shopper=12345 \d+ in /, 30_000);
    const parts = line?.text.match(/ in (\S+)(?: \((.*)\))?$/);
    if (parts) {
      const times = Object.fromEntries((parts[2] ?? "").split(", ").map((part) => part.split(": ") as [string, string]));
      requestLine = { total: durationMs(parts[1]), nextjs: durationMs(times["next.js"]), proxy: durationMs(times["proxy.ts"]), application: durationMs(times["application-code"]) };
    }
    if (keepCache) await waitForCache(appDir, Math.min(60_000, timeoutMs));
  } finally {
    await server.stop();
  }
  const window = { from: timing.sentMonoUs, to: timing.sentMonoUs + timing.page.firstByte * 1000 };
  return { ...timing, cacheBytes, compile: traceCompile(appDir, offset, window), requestLine };
}

export interface DevSummary extends StartSummary {
  cacheMb: number;
  compile: number;
  compileDuringRequest: number;
  /** Median of (first byte − the compile during the request). */
  firstByteLessCompile: number;
  requestLineNextjs: number;
  triggers: string[];
  dev: DevTiming[];
}

function summariseDev(samples: DevTiming[]): DevSummary {
  const of = (pick: (sample: DevTiming) => number) => median(samples.map(pick).filter(Number.isFinite));
  return {
    ...summarise(samples),
    cacheMb: of((sample) => sample.cacheBytes / 1e6),
    compile: of((sample) => sample.compile.total),
    compileDuringRequest: of((sample) => sample.compile.duringRequest),
    firstByteLessCompile: of((sample) => sample.page.firstByte - sample.compile.duringRequest),
    requestLineNextjs: of((sample) => sample.requestLine?.nextjs ?? Number.NaN),
    triggers: [...new Set(samples.flatMap((sample) => sample.compile.triggers))],
    dev: samples,
  };
}

export const DEV_STARTS = ["cold", "cached", "coldStarted"] as const;
export type DevStart = (typeof DEV_STARTS)[number];

export interface DevResult {
  runs: number;
  /**
   * cold: a fresh copy, no .next/dev at all (a fresh clone's first `npm run dev`), request at serving;
   * cached: the same copy started again, .next/dev and its Turbopack cache kept (a restart), request at serving;
   * coldStarted: another fresh copy, request once the server has logged its start-up work done.
   */
  starts: Partial<Record<DevStart, DevSummary>>;
  /** Why some runs were not made (the time budget). */
  note?: string;
  /** A start that failed: why. */
  failed?: string;
}

/**
 * `next dev`'s first visit on an existing database. Each run: a fresh copy of the app (see copyApp), a copy
 * of one database made by `next start` beforehand (migrated and seeded, no ranking stored, so the first visit
 * streams a live ranking), then `next dev` cold, again in the same copy with its cache, and cold in a second
 * copy with the request sent once the server says it is ready.
 */
export async function measureDevFirstVisit(ports: { start: number; dev: number }, runs: number, env: Record<string, string>, budgetMs: number, kinds: readonly DevStart[] = DEV_STARTS): Promise<DevResult> {
  const deadline = performance.now() + budgetMs;
  const root = mkdtempSync(path.join(os.tmpdir(), "aisle-bench-dev-"));
  const samples: Record<DevStart, DevTiming[]> = { cold: [], cached: [], coldStarted: [] };
  let note: string | undefined;
  let failed: string | undefined;
  try {
    const pristine = path.join(root, "pglite");
    const maker = await spawnNext({ command: "start", port: ports.start, env: { AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: pristine } });
    try {
      // `next start` serves files before its database is ready: wait for the line that says it is.
      await waitForOk(maker, READY_FILE, 60_000);
      const line = await maker.waitForLine(DB_LINE, 60_000);
      if (!line?.text.includes('"event":"ready"')) throw new Error(`the database for \`next dev\` was not made: ${line?.text ?? "no db line in 60 s"}`);
    } finally {
      await maker.stop();
    }
    runs: for (let run = 0; run < runs; run++) {
      for (const start of kinds) {
        const left = deadline - performance.now();
        if (left < 10_000) {
          note = `stopped before run ${run + 1}'s ${start} start: over the ${(budgetMs / 60_000).toFixed(0)}-minute budget of this run`;
          break runs;
        }
        const appDir = path.join(root, start === "coldStarted" ? `app-${run}-b` : `app-${run}`);
        if (start !== "cached") copyApp(appDir);
        const dataDir = path.join(root, `pglite-${run}-${start}`);
        cpSync(pristine, dataDir, { recursive: true });
        try {
          samples[start].push(await timeDev(appDir, dataDir, ports.dev, env, Math.min(left, 180_000), start === "coldStarted" ? "started" : "serving", start === "cold"));
        } catch (error) {
          // Cut by the run's time budget: skipped, with a note; anything else is a failure.
          if (performance.now() >= deadline - 1_000) note = `${start} start of run ${run + 1} skipped: not done within the ${(budgetMs / 60_000).toFixed(0)}-minute budget of this run`;
          else failed = `${start} start of run ${run + 1}: ${String(error)}`;
          break runs;
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
          if (start !== "cold") rmSync(appDir, { recursive: true, force: true });
        }
      }
    }
  } catch (error) {
    failed = String(error);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const starts: DevResult["starts"] = {};
  for (const start of DEV_STARTS) if (samples[start].length > 0) starts[start] = summariseDev(samples[start]);
  return { runs, starts, note, failed };
}
