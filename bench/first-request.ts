import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnNext, timePage, waitForOk, type NextProcess, type PageTiming } from "./support/next-process.ts";
import { median } from "./support/stats.ts";

// The first request after a server starts: `next start` on a new and on an existing embedded database (the
// server opens, migrates and seeds it at start, in instrumentation.ts, not inside the first request), and
// `npm start`, which listens once warm; `next dev`'s first visit is bench/first-request-dev.ts. Each server
// gets its own PGlite directory under the system's temporary directory; nothing here touches .data/ or the
// production build's files in .next/.

/** A public file: serving it renders no page and runs no proxy, so polling it does not warm the page up. */
export const READY_FILE = "/products/1.svg";
export const FIRST_PAGE = "/?shopper=12345";

export const DB_LINE = /"scope":"db","event":"(ready|warm-up-failed)"/;
/** The app's own warm-up of its routes after start (instrumentation.ts → lib/process/warm-routes.ts), when it has one. */
const WARM_LINE = /"scope":"server","event":"(warm|warm-failed)"/;
/** The operator's readiness check: 200 once the database is open and the routes are warm (503 before). */
export const HEALTH = "/api/health";

/** When the first page request is sent. */
export type SendAt = "serving" | "started";

export interface StartTiming {
  /** ms from spawning the process: Next's "Ready in" line read (the socket listens; the handlers may not be ready), or `npm start`'s "Ready on" (listening, warm). */
  listening: number;
  /** ms from spawning the process: the first 200 for READY_FILE, the instant the server serves. */
  ready: number;
  /** ms from spawning the process: the server's `{"scope":"db","event":"ready"}` line read. */
  dbLogged: number;
  /** The server's own figure in that line: opening (and on a new database migrating and seeding) it, ms. */
  dbOpenMs: number;
  /** ms from spawning the process: the server's `{"scope":"server","event":"warm"}` line read (NaN: none). */
  warmLogged: number;
  /** ms from spawning the process: the first page request sent. */
  sent: number;
  /** process.hrtime (CLOCK_MONOTONIC, the clock of Next's trace spans) when it was sent, µs. */
  sentMonoUs: number;
  /** The first page request. */
  page: PageTiming;
}

/**
 * Waits for the server to serve (READY_FILE), then sends the first page request: at once (`serving`), or
 * once its readiness check (HEALTH) answers 200 (`started`), as a load balancer would. `next start` serves public files at once,
 * while page and route requests wait for its prepare(), which runs instrumentation's register() (the
 * database); `next dev` serves nothing before register() is done.
 */
export async function timeStart(server: NextProcess, timeoutMs: number, sendAt: SendAt): Promise<StartTiming> {
  const readyAt = await waitForOk(server, READY_FILE, timeoutMs);
  if (sendAt === "started") await waitForOk(server, HEALTH, timeoutMs);
  const sentAt = performance.now();
  const sentMonoUs = Number(process.hrtime.bigint() / 1000n);
  const page = await timePage(`${server.url}${FIRST_PAGE}`, timeoutMs);
  // The warm-up's line may come after the request (or never, if the app has none): a short wait for it.
  await server.waitForLine(WARM_LINE, sendAt === "started" ? 0 : 2_000);
  const since = (line: { at: number } | undefined) => (line ? line.at - server.spawnedAt : Number.NaN);
  const db = server.line(DB_LINE);
  let dbOpenMs = Number.NaN;
  try {
    const parsed = db ? (JSON.parse(db.text.slice(db.text.indexOf("{"))) as { event?: string; ms?: number }) : undefined;
    if (parsed?.event === "ready") dbOpenMs = Number(parsed.ms);
  } catch {
    // not the JSON line we expected: no figure
  }
  return {
    listening: since(server.line(/Ready (in|on)/)),
    ready: readyAt - server.spawnedAt,
    dbLogged: since(db),
    dbOpenMs,
    warmLogged: since(server.line(WARM_LINE)),
    sent: sentAt - server.spawnedAt,
    sentMonoUs,
    page,
  };
}

export interface StartSummary {
  runs: number;
  /** Medians over the runs. */
  listening: number;
  ready: number;
  dbLogged: number;
  dbOpenMs: number;
  warmLogged: number;
  sent: number;
  headers: number;
  firstByte: number;
  firstCard: number;
  end: number;
  cards: number;
  /** Runs whose first HTML replayed a stored ranking. */
  replayed: number;
  statuses: number[];
  samples: StartTiming[];
}

export function summarise(samples: StartTiming[]): StartSummary {
  const of = (pick: (sample: StartTiming) => number) => median(samples.map(pick).filter(Number.isFinite));
  return {
    runs: samples.length,
    listening: of((sample) => sample.listening),
    ready: of((sample) => sample.ready),
    dbLogged: of((sample) => sample.dbLogged),
    dbOpenMs: of((sample) => sample.dbOpenMs),
    warmLogged: of((sample) => sample.warmLogged),
    sent: of((sample) => sample.sent),
    headers: of((sample) => sample.page.headers),
    firstByte: of((sample) => sample.page.firstByte),
    firstCard: of((sample) => sample.page.firstCard),
    end: of((sample) => sample.page.end),
    cards: of((sample) => sample.page.cards),
    replayed: samples.filter((sample) => sample.page.replayed).length,
    statuses: samples.map((sample) => sample.page.status),
    samples,
  };
}

export interface FirstStartResult {
  runs: number;
  /** The request sent as soon as the server serves. */
  newDb: StartSummary;
  existingDb: StartSummary;
  /** A third start on the existing database, the request sent once the server has logged its start-up done. */
  existingDbStarted: StartSummary;
  /** A fourth: `npm start` (scripts/start.ts, which listens once warm), the request sent the instant it serves. */
  existingDbLaunched: StartSummary;
}

/**
 * `next start` three times per run on one PGlite directory: first when it does not exist yet (a new
 * database: created, migrated and seeded at start), then twice on it (an existing database). Each start's
 * first request is `GET /?shopper=12345`, read to its end (so the first start's ranking is stored, as any
 * visit's is, and the restarts' first HTML replays it); it is sent the instant the server serves, except on
 * the third start: once the server has logged its start-up work done. Then `npm start` on it, the request
 * sent the instant it serves: it listens only once it has opened the database and rendered its busiest routes.
 */
export async function measureFirstStart(port: number, runs: number, env: Record<string, string> = {}): Promise<FirstStartResult> {
  const fresh: StartTiming[] = [];
  const existing: StartTiming[] = [];
  const started: StartTiming[] = [];
  const launched: StartTiming[] = [];
  for (let run = 0; run < runs; run++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "aisle-bench-start-"));
    const dataDir = path.join(dir, "pglite"); // absent: the first start creates it
    try {
      const starts = [[fresh, "serving", "start"], [existing, "serving", "start"], [started, "started", "start"], [launched, "serving", "launch"]] as const;
      for (const [samples, sendAt, command] of starts) {
        const server = await spawnNext({ command, port, env: { AISLE_PROVIDER: "simulated", AISLE_DATA_DIR: dataDir, ...env } });
        try {
          samples.push(await timeStart(server, 120_000, sendAt));
        } finally {
          await server.stop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { runs, newDb: summarise(fresh), existingDb: summarise(existing), existingDbStarted: summarise(started), existingDbLaunched: summarise(launched) };
}
