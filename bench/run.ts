import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import { measureClientJs } from "./client-js.ts";
import { measureFirstCard, measureFirstCardLag, measureRevealLag, REALISTIC_PACE, type RevealRun } from "./browser.ts";
import { measureLoad } from "./load.ts";
import { measureCpu, measureDelay } from "./parser-cpu.ts";
import { ms, ratio } from "./support/stats.ts";

// `npm run bench` (add `-- --quick` for the smoke run CI does): every figure of BENCHMARKS.md, printed
// with what it compares, on what input, and the ratio. Needs a production build (made if missing).

const quick = process.argv.includes("--quick");
const lines: string[] = [];
const say = (line = "") => {
  lines.push(line);
  console.log(line);
};

if (!existsSync(".next/BUILD_ID")) {
  console.log("building the app (next build)…");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
}

const cpuModel = os.cpus()[0]?.model ?? "unknown CPU";
say(`# Aisle bench${quick ? " (quick smoke run: small inputs, one run; not for reporting)" : ""}`);
say(`machine: ${os.cpus().length} × ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`);

// 1. Parser CPU and element delay.
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

// 2. Time to first card vs the whole answer.
const first = await measureFirstCard(3300, quick ? 1 : 5, quick ? { AISLE_SIM_TOKENS_PER_SECOND: "1000" } : {});
say();
say(`## 2. Time to first card vs the whole answer (simulated model, ${quick ? "1000 tok/s" : "600 ms to first token, 80 tok/s"}; shopper 12345, 72 products; median of ${first.runs})`);
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

// 3. Reveal lag.
const revealRuns: RevealRun[] = quick
  ? [{ label: "100 ms gaps, books", pace: { firstTokenMs: 600, gapMs: 100 }, category: "books", rerank: true }]
  : [
      { label: "100 ms gaps, all 72", pace: { firstTokenMs: 600, gapMs: 100 }, rerank: true },
      { label: "500 ms gaps, books", pace: { firstTokenMs: 600, gapMs: 500 }, category: "books", rerank: true },
      // A model faster than the page's own start: its first cards arrive while the browser boots the page.
      { label: "100 ms gaps, books, first token at 200 ms", pace: { firstTokenMs: 200, gapMs: 100 }, category: "books", rerank: false },
    ];
const reveal = await measureRevealLag({ app: 3301, model: 4301 }, revealRuns);
say();
say("## 3. Reveal lag: the fake model writes an element's `}` → the card is placed in Chromium's DOM (first token at 600 ms unless said)");
say("| run | cards | model's card gap | first card | p50 | p95 | max | not visible when placed |");
say("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const result of reveal) {
  say(`| ${result.label} | ${result.cards} | ${ms(result.cardGap)} | ${ms(result.first)} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.max)} | ${result.invisible} |`);
}

// 4. Load.
const load = await measureLoad(quick ? [10] : [50, 200], 3302, quick ? { AISLE_SIM_TTFT_MS: "100", AISLE_SIM_TOKENS_PER_SECOND: "2000" } : undefined);
say();
say(`## 4. Load: concurrent ranking streams on one \`next start\`, simulated model (${quick ? "fast pace" : "600 ms, 80 tok/s"}), 72 products each`);
say("| streams | errors | first line p50 | p95 | inter-item gap p50 | p95 | model's own gap p95 | gap p95 vs model | server CPU | peak RSS |");
say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const result of load) {
  say(
    `| ${result.streams} | ${result.errors} | ${ms(result.firstLineP50)} | ${ms(result.firstLineP95)} | ${ms(result.gapP50)} | ${ms(result.gapP95)} | ${ms(result.soloGapP95)} | ${ratio(result.gapP95, result.soloGapP95)} | ${result.cpuSeconds.toFixed(1)} s in ${result.wallSeconds.toFixed(1)} s | ${result.peakRssMb.toFixed(0)} MB |`,
  );
}

// 5. Client JS.
const js = await measureClientJs(3303);
say();
say("## 5. First-load JS for `/` (every script the HTML loads, gzip -9)");
say("| app | scripts | gzip |");
say("|---|---:|---:|");
say(`| Aisle \`/\` | ${js.aisle.files} | ${(js.aisle.gzipBytes / 1024).toFixed(1)} kB |`);
say(`| bare Next app (same Next/React, one static page) | ${js.bare.files} | ${(js.bare.gzipBytes / 1024).toFixed(1)} kB |`);
say(`Aisle − bare = ${((js.aisle.gzipBytes - js.bare.gzipBytes) / 1024).toFixed(1)} kB (target ≤ 15 kB)`);

mkdirSync("bench-results", { recursive: true });
writeFileSync(`bench-results/${quick ? "quick" : "latest"}.md`, `${lines.join("\n")}\n`);
writeFileSync(`bench-results/${quick ? "quick" : "latest"}.json`, JSON.stringify({ quick, cpu, delay, first, firstLag, reveal, load, js }, null, 2));
console.log(`\nwritten to bench-results/${quick ? "quick" : "latest"}.md`);
