import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { get, sleep } from "./abuse/http.ts";
import { HEALTH } from "./first-request.ts";
import { spawnNext, waitForOk, type NextProcess } from "./support/next-process.ts";
import { usage } from "./support/server.ts";
import { median, ms, percentile, ratio } from "./support/stats.ts";

// Events recorded (DESIGN §7: ≥ 1,000 events/s on one process, page TTFB within 10%): one `npm start` on a
// fresh on-disk PGlite, many browsers each shown one ranking, then POST /api/events from 127.0.0.1 — as fast
// as C clients go (the process's ceiling) and paced at the target rate — while one client times a page's
// first byte, one request after another. Each flood is on for a window and off for as long, in turn, so a
// page timed during the events is held to pages timed between them, in the same seconds of the same process
// (the database grows and the heap changes from run to run: a baseline minutes apart moved ±15%). Then what
// /api/insights counts as written is held to what was accepted. The flood runs in a child process of its
// own, so its event loop does not delay the page timings.

export interface EventsSettings {
  /** Browsers, each shown one ranking (a browser may send 120 beacons a minute: the flood goes round them). */
  browsers: number;
  /** Seconds of events a run (its on windows summed; the off windows between them as long again). */
  floodSeconds: number;
  /** The same for the runs paced at the target's rate, whose pages decide it: longer, for more pages a side. */
  pacedSeconds: number;
  /** One on window, ms; an off window as long follows each. */
  windowMs: number;
  /** Requests in flight at once (keep-alive connections). */
  concurrency: number;
  /** Page requests timed with no event traffic (before and after all runs), after `warmups` untimed. */
  baselinePages: number;
  warmups: number;
  /** The target's rate, events a second: the paced runs send exactly this many. */
  targetEventsPerSecond: number;
}

export const EVENTS_FULL: EventsSettings = { browsers: 1_600, floodSeconds: 10, pacedSeconds: 30, windowMs: 1_000, concurrency: 32, baselinePages: 40, warmups: 10, targetEventsPerSecond: 1_000 };
export const EVENTS_QUICK: EventsSettings = { browsers: 60, floodSeconds: 1, pacedSeconds: 1, windowMs: 500, concurrency: 8, baselinePages: 6, warmups: 3, targetEventsPerSecond: 1_000 };

/** The page timed: a browser's own home page in one category (a replay after its first visit). */
export const EVENTS_PAGE = "/?shopper=me&category=books";
const FLOOD_FLAG = "--events-flood";
/** The page timer's pause between one page's end and the next request: a visitor's pace, not a second flood. */
const PAGE_GAP_MS = 50;
/** A page counts for an on window sent this long after it opened (the clients are under way)… */
const ON_SETTLE_MS = 100;
/** …and for an off window sent this long after it opened: the batch writer's last flush of the events (250 ms) is done. */
const OFF_SETTLE_MS = 350;

interface ShownBrowser {
  id: string;
  rankingId: string;
  items: { id: string; position: number; source: "model" | "fallback" }[];
}

interface FloodOrder {
  url: string;
  browsers: ShownBrowser[];
  /** Seconds on; each on window of `windowMs` is followed by an off window as long. */
  seconds: number;
  windowMs: number;
  concurrency: number;
  eventsPerRequest: number;
  /** Requests a second; none: as fast as `concurrency` clients go. */
  requestsPerSecond?: number;
  /** Sends no browser cookie: every request refused (403) before the database, the route's floor. */
  anonymous?: boolean;
}

interface FloodTally {
  requests: number;
  /** Events in 202 answers (`accepted`). */
  accepted: number;
  statuses: Record<string, number>;
  /** A few refusals' bodies or transport errors, as the server said them. */
  samples: string[];
  latencyP50: number;
  latencyP95: number;
  wallMs: number;
  /** Of it, the on windows: what rates are per. */
  onMs: number;
  /** The flood client's own CPU (user + system), ms. */
  clientCpuMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// The flood client (this file run as a child process with FLOOD_FLAG).

async function flood(order: FloodOrder): Promise<FloodTally> {
  const agent = new Agent({ keepAlive: true, maxSockets: order.concurrency });
  const target = new URL(`${order.url}/api/events`);
  const statuses: Record<string, number> = {};
  const samples: string[] = [];
  const latencies: number[] = [];
  let requests = 0;
  let accepted = 0;
  let turn = 0;
  let slot = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const period = 2 * order.windowMs;
  const windows = Math.max(1, Math.round((order.seconds * 1000) / order.windowMs));
  const lastOnEnds = started + (windows - 1) * period + order.windowMs;
  /** The wall time `onMs` into the flood's on time. */
  const atOnTime = (onMs: number) => started + Math.floor(onMs / order.windowMs) * period + (onMs % order.windowMs);
  /** `now` if the flood is on, else when it is on again. */
  const nextOn = (now: number) => {
    const into = (now - started) % period;
    return into < order.windowMs ? now : now + period - into;
  };

  const send = (browser: ShownBrowser, first: number): Promise<void> => {
    const events = [];
    for (let i = 0; i < order.eventsPerRequest; i++) {
      const item = browser.items[(first + i) % browser.items.length] as ShownBrowser["items"][number];
      events.push(`{"id":"${randomUUID()}","type":"click","rankingId":"${browser.rankingId}","productId":${JSON.stringify(item.id)},"position":${item.position},"source":"${item.source}"}`);
    }
    const body = `{"events":[${events.join(",")}]}`;
    return new Promise((resolve) => {
      const sent = performance.now();
      const request = httpRequest(
        target,
        {
          method: "POST",
          agent,
          // What navigator.sendBeacon sends with a string body.
          headers: { "content-type": "text/plain;charset=UTF-8", "content-length": Buffer.byteLength(body), ...(order.anonymous ? {} : { cookie: `aisle-browser=${browser.id}` }) },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () => {
            latencies.push(performance.now() - sent);
            const status = String(response.statusCode ?? 0);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (response.statusCode === 202) accepted += (JSON.parse(text) as { accepted: number }).accepted;
            else if (samples.length < 5) samples.push(`${status} ${text.slice(0, 200)}`);
            resolve();
          });
          response.on("error", (error) => {
            statuses.error = (statuses.error ?? 0) + 1;
            if (samples.length < 5) samples.push(String(error));
            resolve();
          });
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error("no answer in 30 s")));
      request.on("error", (error) => {
        statuses.error = (statuses.error ?? 0) + 1;
        if (samples.length < 5) samples.push(String(error));
        resolve();
      });
      request.end(body);
    });
  };

  const client = async () => {
    for (;;) {
      if (order.requestsPerSecond) {
        // Paced: request k is due k / rate into the on time; a client behind schedule sends at once.
        const due = atOnTime((slot++ * 1000) / order.requestsPerSecond);
        if (due >= lastOnEnds || performance.now() >= lastOnEnds) return;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
      } else {
        const on = nextOn(performance.now());
        if (on >= lastOnEnds) return;
        const wait = on - performance.now();
        if (wait > 0) await sleep(wait);
      }
      const index = turn++;
      requests++;
      await send(order.browsers[index % order.browsers.length] as ShownBrowser, Math.floor(index / order.browsers.length));
    }
  };
  await Promise.all(Array.from({ length: order.concurrency }, client));
  // The last off window too: the page timer holds the last on window's pages to it.
  const ends = started + windows * period;
  if (ends > performance.now()) await sleep(ends - performance.now());
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { requests, accepted, statuses, samples, latencyP50: median(latencies), latencyP95: percentile(latencies, 95), wallMs, onMs: windows * order.windowMs, clientCpuMs: (cpu.user + cpu.system) / 1000 };
}

if (process.argv.includes(FLOOD_FLAG) && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.once("message", (order: FloodOrder) => {
    process.send?.({ type: "started" });
    void flood(order).then((tally) => process.send?.({ type: "done", tally }, () => process.exit(0)));
  });
}

/** Runs one flood in a child process; `onStart` is called when it starts sending. */
function runFlood(order: FloodOrder, onStart: () => void): Promise<FloodTally> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [FLOOD_FLAG], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let done = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), (2 * order.seconds + 60) * 1000);
    child.on("message", (message: { type: "started" } | { type: "done"; tally: FloodTally }) => {
      if (message.type === "started") onStart();
      else {
        done = true;
        clearTimeout(timer);
        resolve(message.tally);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`the flood client exited with ${code} before reporting`));
    });
    child.send(order);
  });
}

// ---------------------------------------------------------------------------------------------------------
// The measurement.

export interface PageTimes {
  samples: number;
  p50: number;
  p95: number;
  statuses: number[];
}

export interface EventsRun {
  label: string;
  eventsPerRequest: number;
  /** Paced requests a second, or undefined for as fast as the clients go. */
  paced?: number;
  /** The floor run: no cookie, every request refused before the database. */
  anonymous?: boolean;
  tally: FloodTally;
  requestsPerSecond: number;
  eventsPerSecond: number;
  /** The page's first byte, timed one request after another, sent and answered inside an on window. */
  pages: PageTimes;
  /** The same inside the off windows between them: what the run's pages are held to. */
  between: PageTimes;
  /** Share of one core the server process used during the on windows. */
  serverCores: number;
  clientCores: number;
  /** Click rows /api/insights counts after the flood, less those before it. */
  written: number;
}

export interface EventsResult {
  settings: EventsSettings;
  browsers: number;
  rankingMs: number;
  baseline: PageTimes;
  after: PageTimes;
  runs: EventsRun[];
  /** Server log lines that say a write failed or something threw. */
  serverErrors: string[];
}

function summarisePages(timings: readonly { status: number; firstByte: number }[]): PageTimes {
  const firstBytes = timings.map((timing) => timing.firstByte);
  return { samples: timings.length, p50: median(firstBytes), p95: percentile(firstBytes, 95), statuses: [...new Set(timings.map((timing) => timing.status))] };
}

interface PageTiming {
  status: number;
  /** ms from sending the request to the body's first byte. */
  firstByte: number;
  /** When it was sent and when its first byte came (this process's clock). */
  sentAt: number;
  firstByteAt: number;
}

/** One GET on a fresh connection (a new visitor's), read to its end. */
async function timeFirstByte(url: string, cookie: string): Promise<PageTiming> {
  const got = await get(url, { accept: "text/html", cookie }, 30_000);
  return { status: got.status, firstByte: got.firstByteAt - got.sentAt, sentAt: got.sentAt, firstByteAt: got.firstByteAt };
}

/**
 * The pages of a flood that began at `start`, by window: a page counts for an on window when it was sent
 * once the window had settled and its first byte came before the window closed; likewise for an off window.
 * Pages that straddle a switch count for neither.
 */
export function pagesByWindow(timings: readonly PageTiming[], start: number, windowMs: number): { on: PageTiming[]; off: PageTiming[] } {
  const on: PageTiming[] = [];
  const off: PageTiming[] = [];
  for (const timing of timings) {
    const sent = timing.sentAt - start;
    const opened = Math.floor(sent / windowMs) * windowMs;
    const closes = opened + windowMs;
    if (timing.firstByteAt - start > closes) continue;
    const isOn = Math.floor(sent / windowMs) % 2 === 0;
    if (sent - opened >= (isOn ? ON_SETTLE_MS : OFF_SETTLE_MS)) (isOn ? on : off).push(timing);
  }
  return { on, off };
}

async function timePages(server: NextProcess, cookie: string, count: number): Promise<PageTimes> {
  const timings = [];
  for (let i = 0; i < count; i++) {
    timings.push(await timeFirstByte(`${server.url}${EVENTS_PAGE}`, cookie));
    await sleep(PAGE_GAP_MS);
  }
  return summarisePages(timings);
}

/** Shows each of `count` new browsers one ranking (all 72 products, the embedded arm: no model call). */
async function showRankings(server: NextProcess, count: number): Promise<ShownBrowser[]> {
  const shown: ShownBrowser[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const id = randomUUID();
      const got = await get(`${server.url}/api/rankings?shopper=me`, { cookie: `aisle-browser=${id}` }, 30_000);
      const lines = got.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { type: string; id?: string; rank?: number; source?: "model" | "fallback"; rankingId?: string });
      const done = lines.find((line) => line.type === "done");
      const items = lines.filter((line) => line.type === "item").slice(0, 10);
      if (got.status !== 200 || !done?.rankingId || items.length < 10) throw new Error(`GET /api/rankings for a new browser: ${got.status} ${got.error ?? got.body.slice(0, 300)}`);
      shown.push({ id, rankingId: done.rankingId, items: items.map((item) => ({ id: item.id as string, position: item.rank as number, source: item.source ?? "fallback" })) });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return shown;
}

/** Clicks written, as /api/insights counts them: the sum over arms of clicks per ranking × rankings. */
async function writtenClicks(server: NextProcess, token: string): Promise<number> {
  const got = await get(`${server.url}/api/insights`, { authorization: `Bearer ${token}` }, 30_000);
  if (got.status !== 200) throw new Error(`GET /api/insights: ${got.status} ${got.body.slice(0, 300)}`);
  const report = JSON.parse(got.body) as { arms: Record<string, { rankings: number; clicksPerRanking: number | null }> };
  return Object.values(report.arms).reduce((sum, arm) => sum + Math.round((arm.clicksPerRanking ?? 0) * arm.rankings), 0);
}

/** Waits for the batch writer to catch up: the written count reaches `expected`, or stops moving for 2 s. */
async function settledClicks(server: NextProcess, token: string, expected: number): Promise<number> {
  let last = -1;
  let stableSince = performance.now();
  for (;;) {
    await sleep(250);
    const written = await writtenClicks(server, token);
    if (written === expected) return written;
    if (written !== last) {
      last = written;
      stableSince = performance.now();
    } else if (performance.now() - stableSince > 2_000) return written;
  }
}

export async function measureEvents(port: number, settings: EventsSettings): Promise<EventsResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "aisle-bench-events-"));
  const token = randomUUID();
  // AISLE_BENCH_EVENTS_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (slows it a little).
  const profileDir = process.env.AISLE_BENCH_EVENTS_CPU_PROF;
  const server = await spawnNext({
    command: "launch",
    port,
    env: {
      AISLE_DATA_DIR: dataDir,
      AISLE_PROVIDER: "simulated",
      AISLE_EXPERIMENT: "embedded:1",
      AISLE_RANKINGS_PER_MINUTE: "100000",
      AISLE_ADMIN_TOKEN: token,
      ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}` } : {}),
    },
  });
  try {
    await waitForOk(server, HEALTH, 120_000);
    const rankingStart = performance.now();
    const browsers = await showRankings(server, settings.browsers);
    const rankingMs = performance.now() - rankingStart;

    // The page's own browser: shown its page once (a live ranking), then replayed on each visit.
    const pageCookie = `aisle-browser=${randomUUID()}`;
    await timePages(server, pageCookie, settings.warmups);
    const baseline = await timePages(server, pageCookie, settings.baselinePages);

    const perSecond = settings.targetEventsPerSecond;
    const plans: { label: string; eventsPerRequest: number; paced?: number; anonymous?: boolean }[] = [
      { label: "1 event a request, as fast as the clients go", eventsPerRequest: 1 },
      { label: "10 events a request, as fast as the clients go", eventsPerRequest: 10 },
      { label: `1 event a request, paced at ${perSecond.toLocaleString("en-US")} events/s`, eventsPerRequest: 1, paced: perSecond },
      { label: `10 events a request, paced at ${perSecond.toLocaleString("en-US")} events/s`, eventsPerRequest: 10, paced: perSecond / 10 },
      { label: `20 events a request (the most one may carry), paced at ${perSecond.toLocaleString("en-US")} events/s`, eventsPerRequest: 20, paced: perSecond / 20 },
      // The floor: the same beacons with no browser cookie, refused (403) before any database work.
      { label: "floor: 1 event a request, no cookie (403 before the database), as fast as the clients go", eventsPerRequest: 1, anonymous: true },
    ];
    const runs: EventsRun[] = [];
    let writtenBefore = await writtenClicks(server, token);
    for (const plan of plans) {
      let floodStart: number | undefined;
      let over = false;
      const timings: PageTiming[] = [];
      // The page's first byte, one request after another, while the flood runs (started once it sends).
      const sampler = (async () => {
        while (floodStart === undefined && !over) await sleep(5);
        while (!over) {
          const timing = await timeFirstByte(`${server.url}${EVENTS_PAGE}`, pageCookie);
          if (!over) timings.push(timing);
          await sleep(PAGE_GAP_MS);
        }
      })();
      // The server's CPU at every switch between windows, to charge the on windows with theirs.
      const cpuAtSwitches: number[] = [];
      let switchTimer: ReturnType<typeof setTimeout> | undefined;
      const readAtSwitch = (index: number) => {
        cpuAtSwitches.push(usage(server.pid).cpuSeconds);
        const next = (floodStart ?? 0) + (index + 1) * settings.windowMs;
        switchTimer = setTimeout(() => readAtSwitch(index + 1), Math.max(0, next - performance.now()));
      };
      const tally = await runFlood(
        { url: server.url, browsers, seconds: plan.paced === undefined ? settings.floodSeconds : settings.pacedSeconds, windowMs: settings.windowMs, concurrency: settings.concurrency, eventsPerRequest: plan.eventsPerRequest, requestsPerSecond: plan.paced, anonymous: plan.anonymous },
        () => {
          floodStart = performance.now();
          readAtSwitch(0);
        },
      );
      over = true;
      clearTimeout(switchTimer);
      await sampler;
      const onCpuSeconds = cpuAtSwitches.reduce((sum, cpu, index) => (index % 2 === 1 && index > 0 ? sum + cpu - (cpuAtSwitches[index - 1] as number) : sum), 0);
      const windows = pagesByWindow(timings, floodStart ?? 0, settings.windowMs);
      const written = await settledClicks(server, token, writtenBefore + tally.accepted);
      runs.push({
        label: plan.label,
        eventsPerRequest: plan.eventsPerRequest,
        paced: plan.paced,
        anonymous: plan.anonymous,
        tally,
        requestsPerSecond: tally.requests / (tally.onMs / 1000),
        eventsPerSecond: tally.accepted / (tally.onMs / 1000),
        pages: summarisePages(windows.on),
        between: summarisePages(windows.off),
        serverCores: onCpuSeconds / (Math.floor(cpuAtSwitches.length / 2) * (settings.windowMs / 1000) || 1),
        clientCores: tally.clientCpuMs / tally.onMs,
        written: written - writtenBefore,
      });
      writtenBefore = written;
      // A breath between runs: the writer's last batch, the collector.
      await sleep(1_000);
    }
    const afterPages = await timePages(server, pageCookie, settings.baselinePages);
    const serverErrors = server.lines
      .map((line) => line.text)
      .filter((text) => /write-failed|write-refused|unhandled|exception|⨯/i.test(text))
      .slice(0, 10);
    return { settings, browsers: browsers.length, rankingMs, baseline, after: afterPages, runs, serverErrors };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const num = (value: number) => Math.round(value).toLocaleString("en-US");

/** BENCHMARKS.md section 14, and what makes the run fail (a refused event, an accepted one not written). */
export function eventsReport(result: EventsResult, quick: boolean): { lines: string[]; problems: string[] } {
  const { settings } = result;
  const problems: string[] = [];
  const lines = [
    `## 14. Events recorded: POST /api/events on one \`npm start\` (${process.env.DATABASE_URL ? "PostgreSQL at DATABASE_URL" : "fresh on-disk PGlite"}, embedded arm), ${settings.concurrency} keep-alive clients from 127.0.0.1 in a process of their own, ${settings.floodSeconds} s of events a run (${settings.pacedSeconds} s when paced) over ${result.browsers} browsers each shown one ranking, on ${(settings.windowMs / 1000).toLocaleString("en-US")} s and off ${(settings.windowMs / 1000).toLocaleString("en-US")} s in turn; meanwhile \`GET ${EVENTS_PAGE}\` timed one request after another${quick ? " (quick run)" : ""}`,
    "| run | requests/s | events/s | non-202 | event request p50 / p95 | page TTFB p50 / p95, events on | events off, between: p50 | p50 on vs off | server CPU, events on | flood client CPU | accepted | written |",
    "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| no events (baseline, ${result.baseline.samples} pages) | — | — | — | — | ${ms(result.baseline.p50)} / ${ms(result.baseline.p95)} | — | — | — | — | — | — |`,
  ];
  for (const run of result.runs) {
    const expected = run.anonymous ? "403" : "202";
    const refused = Object.entries(run.tally.statuses).filter(([status]) => status !== expected);
    const refusedText = run.anonymous ? `${num(run.tally.statuses["403"] ?? 0)} × 403 (meant)${refused.length > 0 ? `, ${refused.map(([status, count]) => `${count} × ${status}`).join(", ")}` : ""}` : refused.length === 0 ? "0" : refused.map(([status, count]) => `${count} × ${status}`).join(", ");
    lines.push(
      `| ${run.label} | ${num(run.requestsPerSecond)} | ${run.anonymous ? "—" : num(run.eventsPerSecond)} | ${refusedText} | ${ms(run.tally.latencyP50)} / ${ms(run.tally.latencyP95)} | ${ms(run.pages.p50)} / ${ms(run.pages.p95)} (${run.pages.samples} pages) | ${ms(run.between.p50)} (${run.between.samples} pages) | ${ratio(run.pages.p50, run.between.p50)} | ${run.serverCores.toFixed(2)} cores | ${run.clientCores.toFixed(2)} cores | ${num(run.tally.accepted)} | ${num(run.written)} |`,
    );
    if (refused.length > 0) problems.push(`events (${run.label}): ${refusedText} (${run.tally.samples.join(" / ")})`);
    if (run.written !== run.tally.accepted) problems.push(`events (${run.label}): ${run.tally.accepted} events accepted but ${run.written} written`);
    const badPages = [...run.pages.statuses, ...run.between.statuses].filter((status) => status !== 200);
    if (badPages.length > 0) problems.push(`events (${run.label}): the page answered ${badPages.join(", ")}`);
  }
  lines.push(`| no events (after the runs, ${result.after.samples} pages) | — | — | — | — | ${ms(result.after.p50)} / ${ms(result.after.p95)} | ${ms(result.baseline.p50)} (the first baseline) | ${ratio(result.after.p50, result.baseline.p50)} | — | — | — | — |`);
  const paced = result.runs.filter((run) => run.paced !== undefined);
  const floor = result.runs.find((run) => run.anonymous);
  const beacons = paced.find((run) => run.eventsPerRequest === 1);
  const verdict = (run: EventsRun | undefined) => {
    if (!run) return "—";
    const rateMet = run.eventsPerSecond >= settings.targetEventsPerSecond * 0.99;
    const pageMet = run.pages.p50 <= run.between.p50 * 1.1;
    return `${num(run.eventsPerSecond)} events/s, page TTFB p50 ${ratio(run.pages.p50, run.between.p50)} that between the events: ${rateMet && pageMet ? "met" : "missed"}`;
  };
  const ceiling = result.runs.find((run) => run.paced === undefined && run.eventsPerRequest === 1);
  lines.push(
    `Target: ≥ ${num(settings.targetEventsPerSecond)} events/s on one process with the page's TTFB within 10% — one event a request (a beacon per click): ${verdict(beacons)}; ten a request: ${verdict(paced.find((run) => run.eventsPerRequest === 10))}; twenty: ${verdict(paced.find((run) => run.eventsPerRequest === 20))}. Ceiling, one event a request: ${ceiling ? `${num(ceiling.eventsPerSecond)} events/s` : "—"}; the route refusing before the database: ${floor ? `${num(floor.requestsPerSecond)} requests/s` : "—"}. ${result.browsers} rankings shown first in ${ms(result.rankingMs)}. Accepted = written: ${result.runs.every((run) => run.written === run.tally.accepted) ? "yes" : "NO"}.`,
  );
  if (result.serverErrors.length > 0) {
    lines.push(`Server errors: ${result.serverErrors.join(" / ")}`);
    problems.push(`events: the server logged ${result.serverErrors.length} error line(s)`);
  }
  return { lines, problems };
}
