import { mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import { ABUSE_FULL, ABUSE_QUICK, abuseReport, measureAbuse } from "./abuse.ts";
import { CATALOG_FULL, CATALOG_QUICK, catalogReport, measureCatalog } from "./catalog.ts";
import { measureClientJs, type ClientJsResult } from "./client-js.ts";
import { measureFirstCard, measureFirstCardLag, measureRevealLag, REALISTIC_PACE, type RevealRun } from "./browser.ts";
import { measureCost } from "./cost.ts";
import { DEV_STARTS, measureDevFirstVisit, type DevStart, type DevSummary } from "./first-request-dev.ts";
import { FIRST_PAGE, measureFirstStart, READY_FILE, type StartSummary } from "./first-request.ts";
import { measureLoad } from "./load.ts";
import { EVENTS_FULL, EVENTS_QUICK, eventsReport, measureEvents } from "./events.ts";
import { measureCpu, measureDelay } from "./parser-cpu.ts";
import { measurePages, pagesReport } from "./pages.ts";
import { measureProfile, PROFILE_FULL, PROFILE_QUICK, profileReport } from "./profile.ts";
import { measurePicks } from "./picks.ts";
import { measurePromptCache } from "./prompt-cache.ts";
import { buildNeeded } from "./support/build.ts";
import { freePorts } from "./support/next-process.ts";
import { CACHE_MIN_TOKENS, cacheableTokens, PRICES } from "./support/prices.ts";
import { SHOPPERS } from "./support/ranking-request.ts";
import { ms, percent, ratio } from "./support/stats.ts";

// `npm run bench` (add `-- --quick` for the smoke run CI does): every figure of BENCHMARKS.md, printed
// with what it compares, on what input, and the ratio. Needs a production build (made if missing).
// `-- --only cache,picks,cost` runs only the sections named (any of SECTIONS; cost brings cache and picks)
// and writes bench-results/<latest|quick>-only-<names>.md and .json, leaving the whole run's files alone;
// `-- --except a,b` runs every other section (CI runs the smoke as two such halves at once: .ci/run).

const SECTIONS = ["parser", "first-card", "reveal", "load", "js", "cache", "picks", "cost", "first-request", "abuse", "catalog", "pages", "profile", "events"] as const;
type Section = (typeof SECTIONS)[number];

const quick = process.argv.includes("--quick");
/** The comma-separated sections after `--flag` or `--flag=`, or undefined without the flag. */
function sectionList(flag: string): string[] | undefined {
  if (!process.argv.some((arg) => arg === flag || arg.startsWith(`${flag}=`))) return undefined;
  const text = process.argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1) ?? process.argv[process.argv.indexOf(flag) + 1];
  const names = (text ?? "").split(",").filter(Boolean);
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    console.error(`${flag} takes a comma-separated list of: ${SECTIONS.join(", ")}${unknown.length > 0 ? ` (unknown: ${unknown.join(", ")})` : ""}`);
    process.exit(2);
  }
  return names;
}
const only = sectionList("--only");
const except = sectionList("--except");
if (only && except) {
  console.error("--only and --except do not go together");
  process.exit(2);
}
const wanted = new Set<Section>(only ? (only as Section[]) : SECTIONS.filter((section) => !except?.includes(section)));
if (wanted.has("cost")) (["cache", "picks"] as const).forEach((section) => wanted.add(section));
const SERVER_SECTIONS: readonly Section[] = ["first-card", "reveal", "load", "js", "picks", "first-request", "abuse", "catalog", "pages", "events"];
/** Problems that make the run fail (a ranking missing a product, say): reported at the end, exit code 1. */
const problems: string[] = [];
const SHOPPERS_COUNT = SHOPPERS.length;
const lines: string[] = [];
const say = (line = "") => {
  lines.push(line);
  console.log(line);
};

const buildReason = SERVER_SECTIONS.some((section) => wanted.has(section)) ? buildNeeded() : undefined;
if (buildReason) {
  console.log(`building the app (next build: ${buildReason})…`);
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
}

const cpuModel = os.cpus()[0]?.model ?? "unknown CPU";
say(`# Aisle bench${quick ? " (quick smoke run: small inputs, one run; not for reporting)" : ""}${only || except ? ` — only: ${[...wanted].join(", ")}` : ""}`);
say(`machine: ${os.cpus().length} × ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`);

const results: Record<string, unknown> = { quick };

// 1. Parser CPU and element delay.
if (wanted.has("parser")) {
  const sizes = quick ? [100] : [100, 1_000, 10_000];
  const cpuRuns = quick ? 1 : 15;
  const cpu = await measureCpu(sizes, cpuRuns);
  say();
  say(`## 1. Parser CPU: the whole answer in 4-character chunks, zod validation on (median of ${cpuRuns} runs, contenders taking turns; the AI SDK at 10,000: 3)`);
  say("| elements | contender | median | vs floor | Aisle is cheaper by |");
  say("|---:|---|---:|---:|---:|");
  for (const size of sizes) {
    const row = cpu.filter((result) => result.elements === size);
    const floorMs = row.find((result) => result.contender.startsWith("floor"))?.medianMs ?? Number.NaN;
    const aisleMs = row.find((result) => result.contender.startsWith("Aisle"))?.medianMs ?? Number.NaN;
    for (const result of row) {
      const value = result.medianMs ?? Number.NaN;
      say(`| ${size} | ${result.contender} | ${result.note ?? ms(value)} | ${ratio(value, floorMs)} | ${result.contender.startsWith("Aisle") ? "—" : ratio(value, aisleMs)} |`);
    }
  }
  const delay = await measureDelay(quick ? 20 : 200);
  say();
  say("Element delay: characters fed after an element's closing `}` before it is released (1-character chunks):");
  say("| contender | median | max |");
  say("|---|---:|---:|");
  for (const result of delay) say(`| ${result.contender} | ${result.medianChars} | ${result.maxChars} |`);
  Object.assign(results, { cpu, delay });
}

// 2. Time to first card vs the whole answer. Its servers (and those of 3 and 4) run with AISLE_MODEL_PICKS=all:
// with picks, the cards after the last pick come at once, not one per element at the model's pace.
if (wanted.has("first-card")) {
  const first = await measureFirstCard(3300, quick ? 1 : 5, quick ? { AISLE_SIM_TOKENS_PER_SECOND: "1000" } : {});
  say();
  say(`## 2. Time to first card vs the whole answer (simulated model, ${quick ? "1000 tok/s" : "600 ms to first token, 80 tok/s"}, model picks: all — the whole answer is the model's whole answer, one card per element; shopper 12345, 72 products; median of ${first.runs})`);
  say("| measure | median |");
  say("|---|---:|");
  say(`| first NDJSON line (curl-like client, from request) | ${ms(first.firstLine)} |`);
  say(`| model's first object (server, \`firstItemMs\`) | ${ms(first.modelFirstItem)} |`);
  say(`| first card in Chromium (from navigation start) | ${ms(first.firstCard)} |`);
  say(`| whole answer: grid done in Chromium | ${ms(first.wholeAnswer)} |`);
  say(`first card = ${ratio(first.firstCard, first.wholeAnswer)} of waiting for the whole answer (first card − server's \`firstItemMs\` = ${ms(first.firstCard - first.modelFirstItem)}: it also holds navigation and the page's work before the ranking starts)`);

  // The target needs the instant the model wrote its first object: the fake OpenAI server logs it.
  const firstLag = await measureFirstCardLag({ app: 3301, model: 4301 }, quick ? 1 : 5, REALISTIC_PACE);
  say();
  say(`The target, against the instant the model wrote its first object: a local fake OpenAI server at the same pace (${REALISTIC_PACE.firstTokenMs} ms to first token, an element every ${REALISTIC_PACE.gapMs} ms), first loads of \`/\`, median of ${firstLag.runs}:`);
  say("| measure | median |");
  say("|---|---:|");
  say(`| model's first \`}\` (from navigation start) | ${ms(firstLag.modelFirst)} |`);
  say(`| first card placed in Chromium (from navigation start) | ${ms(firstLag.firstCard)} |`);
  say(`| first card − model's first object | ${ms(firstLag.lag)} (target ≤ 50 ms) |`);
  Object.assign(results, { first, firstLag });
}

// 3. Reveal lag.
if (wanted.has("reveal")) {
  const revealRuns: RevealRun[] = quick
    ? [{ label: "100 ms gaps, books", pace: { firstTokenMs: 600, gapMs: 100 }, category: "books", rerank: true }]
    : [
        { label: "100 ms gaps, all 72", pace: { firstTokenMs: 600, gapMs: 100 }, rerank: true },
        { label: "500 ms gaps, books", pace: { firstTokenMs: 600, gapMs: 500 }, category: "books", rerank: true },
        // A model faster than the page's own start: its first cards arrive while the browser boots the page.
        { label: "100 ms gaps, books, first token at 200 ms", pace: { firstTokenMs: 200, gapMs: 100 }, category: "books", rerank: false },
        { label: "100 ms gaps, all 72, first token at 200 ms", pace: { firstTokenMs: 200, gapMs: 100 }, rerank: false },
      ];
  const reveal = await measureRevealLag({ app: 3301, model: 4301 }, revealRuns);
  say();
  say("## 3. Reveal lag: the fake model writes an element's `}` → the card is placed in Chromium's DOM, and → the next frame after it (painted: what a shopper sees) (first token at 600 ms unless said; model picks: all, one card per element)");
  say("| run | cards | model's card gap | first card | p50 | p95 | max | painted: first | p95 | max | not visible when placed |");
  say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const result of reveal) {
    say(`| ${result.label} | ${result.cards} | ${ms(result.cardGap)} | ${ms(result.first)} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.max)} | ${ms(result.painted.first)} | ${ms(result.painted.p95)} | ${ms(result.painted.max)} | ${result.invisible} |`);
  }
  Object.assign(results, { reveal });
}

// 4. Load.
if (wanted.has("load")) {
  const load = await measureLoad(quick ? [10] : [50, 200], 3302, quick ? { AISLE_SIM_TTFT_MS: "100", AISLE_SIM_TOKENS_PER_SECOND: "2000" } : undefined);
  say();
  say(`## 4. Load: concurrent ranking streams on one \`next start\`, simulated model (${quick ? "fast pace" : "600 ms, 80 tok/s"}, model picks: all — every item line one element at the model's pace), 72 products each`);
  say("| streams | errors | first line p50 | p95 | inter-item gap p50 | p95 | model's own gap p95 | gap p95 vs model | server CPU | peak RSS |");
  say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const result of load) {
    if (result.errors > 0) problems.push(`load: ${result.errors} of ${result.streams} streams failed`);
    say(
      `| ${result.streams} | ${result.errors} | ${ms(result.firstLineP50)} | ${ms(result.firstLineP95)} | ${ms(result.gapP50)} | ${ms(result.gapP95)} | ${ms(result.soloGapP95)} | ${ratio(result.gapP95, result.soloGapP95)} | ${result.cpuSeconds.toFixed(1)} s in ${result.wallSeconds.toFixed(1)} s | ${result.peakRssMb.toFixed(0)} MB |`,
    );
  }
  Object.assign(results, { load });
}

// 5. Client JS.
if (wanted.has("js")) {
  const js: ClientJsResult = await measureClientJs(3303);
  say();
  say("## 5. First-load JS for `/` (every script the HTML loads, gzip -9)");
  say("| app | scripts | gzip |");
  say("|---|---:|---:|");
  say(`| Aisle \`/\` | ${js.aisle.files} | ${(js.aisle.gzipBytes / 1024).toFixed(1)} kB |`);
  say(`| bare Next app (same Next/React, one static page) | ${js.bare.files} | ${(js.bare.gzipBytes / 1024).toFixed(1)} kB |`);
  say(`Aisle − bare = ${((js.aisle.gzipBytes - js.bare.gzipBytes) / 1024).toFixed(1)} kB (target ≤ 15 kB)`);
  Object.assign(results, { js });
}

// 6. Prompt cache share: no server, the prompts as the pipeline builds them.
const cacheResult = wanted.has("cache") ? measurePromptCache(24) : undefined;
if (cacheResult) {
  const { parts } = cacheResult;
  say();
  say(`## 6. Prompt cache share: the longest token prefix common to all ${SHOPPERS_COUNT} shoppers' prompts, as a share of each prompt (${cacheResult.candidates} candidates, picks ${cacheResult.picks}, o200k)`);
  say(
    `Each prompt in order: the response_format schema's JSON (OpenAI caches it as part of the prefix — its prompt-caching guide: the structured-output schema serves as a prefix to the system message), the system message (${parts.system} tokens; schema ${parts.schema}), the candidates block (${parts.candidates}), then the shopper's message (the shopper, the live signals, the picks ask); each part tokenised with o200k on its own, as the chat format separates messages.`,
  );
  say("| live signals | prompt tokens, min / median | shared prefix | share, min | share, median | target |");
  say("|---|---:|---:|---:|---:|---|");
  for (const row of cacheResult.rows) {
    const label = row.signals === "none" ? "none" : "live: a cart item, 2 viewed, a search, a category";
    say(`| ${label} | ${row.minTotal} / ${row.medianTotal} | ${row.sharedPrefix} (${row.intoShopperMessage} into the shopper's message) | ${percent(row.minShare)} | ${percent(row.medianShare)} | ≥ 85% |`);
  }
  const prefix = cacheResult.rows[0]?.sharedPrefix ?? 0;
  say(
    `Shared prefix ${prefix} tokens ${prefix >= CACHE_MIN_TOKENS ? "≥" : "<"} 1,024, the providers' minimum cacheable prefix: ${prefix >= CACHE_MIN_TOKENS ? "cacheable" : "NOT cacheable"}; an OpenAI cache hit serves ${cacheableTokens(prefix)} of it (1,024 + whole 128-token steps).`,
  );
  results.promptCache = cacheResult;
}

// 7. Model picks 24 vs all: two `next start`s with the simulated model.
const picksPace = quick ? { ttftMs: 100, tokensPerSecond: 2000 } : { ttftMs: 600, tokensPerSecond: 80 };
const picksResult = wanted.has("picks") ? await measurePicks(3300, picksPace) : undefined;
if (picksResult) {
  problems.push(...picksResult.problems);
  const [p24, pAll] = picksResult.runs;
  const rankings = picksResult.runs.flatMap((run) => run.rankings);
  const row = (label: string, value: (run: NonNullable<typeof p24>) => number, format: (value: number) => string, target = "") =>
    p24 && pAll && say(`| ${label} | ${format(value(p24))} | ${format(value(pAll))} | ${ratio(value(pAll), value(p24))} | ${target} |`);
  const tokens = (value: number) => value.toFixed(0);
  say();
  say(
    `## 7. Model picks 24 vs all (simulated model, ${picksPace.ttftMs} ms to first token, ${picksPace.tokensPerSecond} tok/s at ~4 characters a token; a fresh \`next start\` and in-memory database per setting, the ${SHOPPERS_COUNT} shoppers one after another, 72 products; medians over the shoppers)`,
  );
  say("| measure | picks 24 | picks all | all ÷ 24 | target |");
  say("|---|---:|---:|---:|---|");
  row("output tokens: the done line's `usage.outputTokens` (the simulated model's count, 4 characters a token)", (run) => run.outputTokens, tokens, "≥ 2.5×");
  row("output tokens: o200k, the model items' ids and reasons as the model writes them", (run) => run.answerTokens, tokens, "≥ 2.5×");
  row("ranking: the done line's `totalMs`", (run) => run.totalMs, ms, "≥ 2×");
  row("done line (client, from the request)", (run) => run.doneAt, ms);
  row("last model item (client)", (run) => run.lastModelItemAt, ms);
  row("last item (client)", (run) => run.lastItemAt, ms);
  const rest = p24?.restAfterPick;
  say(`Picks 24, the rest after the 24th pick (last item − 24th model item): median ${ms(rest?.median ?? Number.NaN)}, max ${ms(rest?.max ?? Number.NaN)} (claim: within 100 ms).`);
  const checked = rankings.filter((ranking) => ranking.usage && !ranking.usage.estimated);
  say(
    `Every product exactly once: ${rankings.filter((ranking) => ranking.everyProductOnce).length}/${rankings.length} rankings; the server's prompt has the length of the bench's copy (ranking-request.ts): ${checked.filter((ranking) => ranking.promptMatches).length}/${checked.length} checked.`,
  );
  for (const ranking of checked.filter((ranking) => !ranking.promptMatches)) {
    problems.push(`shopper ${ranking.shopper} (picks ${ranking.ranked}): the server's prompt differs from bench/support/ranking-request.ts's copy of buildRankingRequest`);
  }
  results.picks = picksResult;
}

// 8. Cost per 1,000 rankings at one named model's prices, from 6 and 7.
if (wanted.has("cost") && cacheResult && picksResult) {
    const cost = await measureCost(cacheResult, picksResult);
    const [c24, cAll] = cost.rows;
    const usd = (value: number) => `$${value.toFixed(2)}`;
    say();
    say(
      `## 8. Cost per 1,000 rankings at ${PRICES.model}'s prices (${PRICES.source}: input $${PRICES.inputPerMillion.toFixed(2)}, cached input $${PRICES.cachedInputPerMillion.toFixed(2)}, output $${PRICES.outputPerMillion.toFixed(2)} per 1M tokens)`,
    );
    say(
      `o200k counts, means over the ${SHOPPERS_COUNT} shoppers: input = the real prompt without live signals as the pipeline's usage estimate counts it (contents, schema, 3 tokens a message); output = the model's answer of section 7. Cached: the shared prefix of section 6 (${cost.sharedPrefix} tokens, of which a hit serves ${cost.cachedTokens}) at the cached price.`,
    );
    say("| picks | input tokens | cached of them | output tokens | no cache hits | shared prefix from cache |");
    say("|---|---:|---:|---:|---:|---:|");
    for (const row of cost.rows) say(`| ${row.picks} | ${row.inputTokens.toFixed(0)} | ${row.cachedTokens} | ${row.outputTokens.toFixed(0)} | ${usd(row.uncached)} | ${usd(row.cached)} |`);
    if (c24 && cAll) {
      say(
        `all ÷ 24: ${ratio(cAll.uncached, c24.uncached)} without cache hits, ${ratio(cAll.cached, c24.cached)} with the shared prefix cached; picks 24 with the cache vs all without: ${ratio(cAll.uncached, c24.cached)}.`,
      );
    }
    results.cost = cost;
}

// 9. The first request after a server starts: `next start` on a new and an existing database, `next dev`'s first visit.
if (wanted.has("first-request")) {
  const pace: Record<string, string> = quick ? { AISLE_SIM_TTFT_MS: "100", AISLE_SIM_TOKENS_PER_SECOND: "2000" } : {};
  const paceText = quick ? "simulated model at a fast pace (100 ms, 2000 tok/s)" : "simulated model at its default pace (600 ms to first token, 80 tok/s)";
  const startRuns = quick ? 1 : 5;
  const start = await measureFirstStart(3304, startRuns, pace);
  const { newDb, existingDb, existingDbStarted, existingDbLaunched } = start;
  const starts = [newDb, existingDb, existingDbStarted, existingDbLaunched];
  const row = (label: string, pick: (summary: StartSummary) => string, target = "") => say(`| ${label} | ${starts.map(pick).join(" | ")} | ${target} |`);
  const served = "The server serves = the first 200 for `" + READY_FILE + "`, polled every 20 ms: a public file, so no page is rendered and no proxy runs before the measured request.";
  const startedUp = "Ready = `GET /api/health` answers 200 (polled every 50 ms), as a load balancer's readiness check would: the app answers 503 until its database is open and it has rendered its busiest routes once itself.";
  say();
  say("## 9. First request after start");
  say(
    `(a) \`next start\`, ${paceText}, embedded PGlite in a new temporary directory per run (AISLE_DATA_DIR). Per run: started on a new database (the directory absent: created, migrated and seeded by instrumentation's register() at start), stopped, started again on it (an existing database), and a third time on it. Each start's first request is \`GET ${FIRST_PAGE}\` on a fresh connection, read to its end (so the restarts replay the ranking the first start stored). ${served} \`next start\` serves public files at once, but holds page and route requests until its prepare(), which runs register(), is done. The first two starts send the request the instant the server serves; the third once it says it is ready. ${startedUp} Then \`npm start\` (scripts/start.ts) on the same database, the request sent the instant it serves: it opens the database and renders its busiest routes on a private port before it listens. Times from spawning the process, or from sending the request; median of ${start.runs}.`,
  );
  say("| measure | new database | existing database | existing database, request once ready | `npm start`, existing database | target |");
  say("|---|---:|---:|---:|---:|---|");
  row("spawn → Next's \"Ready in\" line (socket listening; `npm start`: \"Ready on\", listening once warm)", (summary) => ms(summary.listening));
  row(`spawn → serving (first 200 for \`${READY_FILE}\`)`, (summary) => ms(summary.ready));
  row("spawn → the server's `db ready` line", (summary) => ms(summary.dbLogged));
  row("database open (the `ms` in that line: open; new: + migrate + seed)", (summary) => ms(summary.dbOpenMs));
  row("spawn → the server's `warm` line (its own warm-up of `/` and the ranking route)", (summary) => ms(summary.warmLogged));
  row("spawn → first request sent", (summary) => ms(summary.sent));
  row("first request → response headers", (summary) => ms(summary.headers));
  row("first request → first byte of the body (TTFB)", (summary) => ms(summary.firstByte), "≤ 300 ms with an existing database (DESIGN §7)");
  row("first request → first card's bytes in the HTML", (summary) => ms(summary.firstCard));
  row("first request → whole HTML", (summary) => ms(summary.end));
  row("first HTML (replayed stored ranking / live, streamed)", (summary) => `${summary.replayed} replayed, ${summary.runs - summary.replayed} live; ${summary.cards} cards`);
  row("status of the first request", (summary) => summary.statuses.join(", "));
  const met = (value: number) => (Number.isFinite(value) ? (value <= 300 ? "met" : "NOT met") : "—");
  say(
    `Target: first request's TTFB ≤ 300 ms on an existing database. \`npm start\`, sent the instant it serves: ${ms(existingDbLaunched.firstByte)} (${met(existingDbLaunched.firstByte)}), ${ms(existingDbLaunched.sent)} after the spawn. \`next start\`, sent the instant it serves: ${ms(existingDb.firstByte)} (${met(existingDb.firstByte)}); sent once it says it is ready: ${ms(existingDbStarted.firstByte)} (${met(existingDbStarted.firstByte)}), ${ms(existingDbStarted.sent)} after the spawn. New database, sent the instant it serves: ${ms(newDb.firstByte)} (${ratio(newDb.firstByte, existingDb.firstByte)} the existing database's).`,
  );
  for (const [label, summary] of [["next start, new database", newDb], ["next start, existing database", existingDb], ["next start, existing database, once ready", existingDbStarted], ["npm start, existing database", existingDbLaunched]] as const) {
    const bad = summary.statuses.filter((status) => status !== 200);
    if (bad.length > 0) problems.push(`first request after start (${label}): status ${bad.join(", ")} instead of 200`);
  }

  const devRuns = quick ? 1 : 3;
  // The smoke run starts `next dev` once, cold (the cached and once-ready starts only repeat it: ~1 min of CI).
  const dev = await measureDevFirstVisit({ start: 3304, dev: 3305 }, devRuns, pace, quick ? 120_000 : 15 * 60_000, quick ? ["cold"] : DEV_STARTS);
  say();
  say(
    `(b) \`next dev\` (Turbopack), ${paceText}, an existing database (migrated and seeded by a \`next start\` beforehand, copied per start, no ranking stored: the first visit streams a live ranking). It runs in a copy of the app in a temporary directory (sources copied, node_modules hard-linked), so it never touches this checkout's .next/. *Cold*: a fresh copy, no .next/dev (a fresh clone's first \`npm run dev\`), request the instant it serves. *Cached*: the same copy started again with .next/dev and its Turbopack file-system cache (a restart; the cold server is stopped only once Turbopack has written that cache, which it does when idle), request the instant it serves. *Cold, once ready*: another fresh copy, request once the server says it is ready. \`next dev\` serves nothing before register() is done. ${startedUp} Compile = Next's own \`compile-path\` spans in .next/dev/trace for pages and routes (instrumentation and proxy left out; their union, and the part of it between sending the request and its first byte). Next 16.4 prints "○ Compiling / ..." and no "Compiled … in" line; its request line's \`next.js:\` figure (framework time, compile included) is shown too. Median of ${dev.starts.cold?.runs ?? 0} run(s).`,
  );
  const devColumns = DEV_STARTS.filter((key) => dev.starts[key]);
  if (devColumns.length > 0) {
    const names: Record<DevStart, string> = { cold: "cold", cached: "cached", coldStarted: "cold, request once ready" };
    const devRow = (label: string, pick: (summary: DevSummary) => string) => say(`| ${label} | ${devColumns.map((key) => pick(dev.starts[key] as DevSummary)).join(" | ")} |`);
    say(`| measure | ${devColumns.map((key) => names[key]).join(" | ")} |`);
    say(`|---|${devColumns.map(() => "---:").join("|")}|`);
    devRow(".next/dev/cache at start (Turbopack's file-system cache)", (summary) => `${summary.cacheMb.toFixed(0)} MB`);
    devRow("spawn → Next's \"Ready in\" line", (summary) => ms(summary.listening));
    devRow("spawn → serving (first 200 for the public file)", (summary) => ms(summary.ready));
    devRow("spawn → the server's `db ready` line", (summary) => ms(summary.dbLogged));
    devRow("spawn → the server's `warm` line", (summary) => ms(summary.warmLogged));
    devRow("spawn → first request sent", (summary) => ms(summary.sent));
    devRow("first request → response headers", (summary) => ms(summary.headers));
    devRow("first request → first byte of the body (TTFB)", (summary) => ms(summary.firstByte));
    devRow("Next's compiles of pages and routes on this start (.next/dev/trace)", (summary) => `${ms(summary.compile)}${summary.triggers.length > 0 ? ` (${summary.triggers.join(", ")})` : ""}`);
    devRow("… of them between the request and its first byte", (summary) => ms(summary.compileDuringRequest));
    devRow("TTFB − that compile", (summary) => ms(summary.firstByteLessCompile));
    devRow("Next's request line, `next.js:` (framework, compile included)", (summary) => ms(summary.requestLineNextjs));
    devRow("first request → first card's bytes in the HTML", (summary) => ms(summary.firstCard));
    devRow("first request → whole HTML", (summary) => ms(summary.end));
    devRow("status of the first request", (summary) => summary.statuses.join(", "));
    for (const key of devColumns) {
      const bad = dev.starts[key]?.statuses.filter((status) => status !== 200) ?? [];
      if (bad.length > 0) problems.push(`\`next dev\`'s first visit (${names[key]}): status ${bad.join(", ")} instead of 200`);
    }
  }
  if (dev.note) say(`Note: ${dev.note}.`);
  if (dev.failed) {
    say(`Failed: ${dev.failed}`);
    problems.push(`\`next dev\`'s first visit: ${dev.failed}`);
  }
  results.firstRequest = { start, dev };
}

// 10. Budget, cap and hostile models: one client's budget of fresh rankings, the per-process cap on model
// streams under many addresses, and hostile model streams among healthy ones (bench/abuse.ts).
if (wanted.has("abuse")) {
  // Ports the OS picks (its ephemeral range): no clash with a fixed port another suite or bench listens on.
  const [app, model] = (await freePorts(2)) as [number, number];
  const abuse = await measureAbuse({ app, model }, quick ? ABUSE_QUICK : ABUSE_FULL);
  const report = abuseReport(abuse, quick);
  say();
  for (const line of report.lines) say(line);
  problems.push(...report.problems);
  results.abuse = abuse;
}

// 11. A catalog that grows: import, retrieval and pages at 1,000 to 100,000 products, and two servers on one
// PostgreSQL (bench/catalog.ts).
if (wanted.has("catalog")) {
  const catalog = await measureCatalog(quick ? CATALOG_QUICK : CATALOG_FULL);
  const report = catalogReport(catalog, quick);
  say();
  for (const line of report.lines) say(line);
  problems.push(...report.problems);
  results.catalog = catalog;
}

// 12. Light pages: weights, a replay on screen, a fast model's cards painted, the main thread (bench/pages.ts).
if (wanted.has("pages")) {
  const pages = await measurePages({ app: 3306, model: 4302 }, quick ? 1 : 5);
  const report = pagesReport(pages, quick);
  say();
  for (const line of report.lines) say(line);
  problems.push(...report.problems);
  results.pages = pages;
}

// 13. A shopper's profile from their history, per ranking, as the events table grows (bench/profile.ts).
if (wanted.has("profile")) {
  const profile = await measureProfile(quick ? PROFILE_QUICK : PROFILE_FULL);
  const report = profileReport(profile, quick);
  say();
  for (const line of report.lines) say(line);
  problems.push(...report.problems);
  results.profile = profile;
}

// 14. Events recorded: POST /api/events on one process, the page's first byte meanwhile (bench/events.ts).
if (wanted.has("events")) {
  const events = await measureEvents(3210, quick ? EVENTS_QUICK : EVENTS_FULL);
  const report = eventsReport(events, quick);
  say();
  for (const line of report.lines) say(line);
  problems.push(...report.problems);
  results.events = events;
}

mkdirSync("bench-results", { recursive: true });
const base = `bench-results/${quick ? "quick" : "latest"}${only || except ? `-only-${[...wanted].join("-")}` : ""}`;
writeFileSync(`${base}.md`, `${lines.join("\n")}\n`);
writeFileSync(`${base}.json`, JSON.stringify({ ...results, problems }, null, 2));
console.log(`\nwritten to ${base}.md and .json`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
  process.exitCode = 1;
}
