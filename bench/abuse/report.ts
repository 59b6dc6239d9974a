import { ms, ratio } from "../support/stats.ts";
import type { AbuseResult } from "../abuse.ts";
import { HOSTILE_KINDS } from "./hostile.ts";
import { HOSTILE_DEADLINES, MODEL_PACE, NO_BUDGET } from "./settings.ts";

// The abuse section's lines for BENCHMARKS.md, and the problems that fail the run.

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ${count}`)
    .join(", ") || "—";
const met = (ok: boolean) => (ok ? "met" : "**NOT met**");

/** A Retry-After a 429 must carry: whole seconds, at least 1, at most the budget's minute. */
const goodRetryAfter = (seconds: number) => Number.isInteger(seconds) && seconds >= 1 && seconds <= 60;

/**
 * The section's lines for the report, and the problems that fail the run: a ranking or page not whole, an
 * error, and every limit that did not hold (the budget, a 429 without Retry-After, a dodge of the budget, the
 * cap on open model streams, a stalled model stream not aborted). Timings are reported, never failed on.
 */
export function abuseReport(result: AbuseResult, quick: boolean): { lines: string[]; problems: string[] } {
  const { budget, cap, hostile, machine } = result;
  const lines: string[] = [];
  const problems: string[] = [];
  const say = (line = "") => lines.push(line);
  /** A target that fails the run when missed: "met", or "NOT met" and the problem recorded. */
  const must = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
    return met(ok);
  };
  const ok200 = budget.statuses["200"] ?? 0;
  const got429 = budget.statuses["429"] ?? 0;
  const fresh200 = ok200 - budget.replays;
  const badRetryAfter = budget.retryAfterSeconds.filter((seconds) => !goodRetryAfter(seconds));
  const dodged = budget.dodges.filter((dodge) => dodge.status !== 429);
  const dodgesWithoutRetryAfter = budget.dodges.filter((dodge) => dodge.status === 429 && !goodRetryAfter(Number(dodge.retryAfter)));

  say(`## 10. Budget, cap and hostile models (${quick ? "quick settings" : "full settings"}; one \`next start\` per part, \`openai\` provider → the local fake OpenAI server in its own process, in-memory database)`);
  say(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memGiB} GiB, ${machine.platform}, Node ${machine.node}; the app, the fake model and the bench's clients share these cores.`);
  say();
  say(
    `(a) One client, ${budget.requests} fresh rankings in ${(budget.windowMs / 1000).toFixed(0)} s: one \`aisle-browser\` cookie, one address (the socket's, 127.0.0.1), \`GET /api/rankings\` over ${budget.distinctQueries} distinct (shopper, q) pairs (the six shoppers × ${budget.words} catalog words; nothing a replay), sent evenly (${ms(budget.spanMs)} first to last), at most ${budget.concurrency} at once; AISLE_RANKINGS_PER_MINUTE=${budget.perMinute}, a fast fake model.`,
  );
  say("| measure | result | target |");
  say("|---|---:|---|");
  say(
    `| requests → statuses | ${budget.requests} → ${counts(budget.statuses)} | ${budget.perMinute} × 200, the rest 429: ${must(
      fresh200 === Math.min(budget.perMinute, budget.requests) && ok200 + got429 === budget.requests,
      `budget: ${budget.requests} fresh rankings from one client answered ${counts(budget.statuses)}${budget.replays ? ` (${budget.replays} replays)` : ""}; expected exactly ${budget.perMinute} × 200 (AISLE_RANKINGS_PER_MINUTE), the rest 429`,
    )} |`,
  );
  say(
    `| 429s with Retry-After | ${budget.retryAfter} of ${got429}${budget.retryAfterSeconds.length ? ` (${Math.min(...budget.retryAfterSeconds)}–${Math.max(...budget.retryAfterSeconds)} s)` : ""} | all, 1–60 s: ${must(
      budget.retryAfter === got429 && badRetryAfter.length === 0,
      `budget: ${got429 - budget.retryAfter} of ${got429} 429s had no Retry-After header${badRetryAfter.length ? `, ${badRetryAfter.length} had one that is not 1–60 whole seconds (${badRetryAfter.slice(0, 3).join(", ")})` : ""}`,
    )} |`,
  );
  say(
    `| model requests the fake server received | ${budget.modelRequests} | ≤ ${budget.perMinute}: ${must(
      budget.modelRequests <= budget.perMinute,
      `budget: the fake model received ${budget.modelRequests} requests from one client, over its budget of ${budget.perMinute} (AISLE_RANKINGS_PER_MINUTE)`,
    )} |`,
  );
  say(`| 200s whole (every candidate once, ranks 1..n, a done line) | ${budget.whole} of ${ok200} (outcomes: ${counts(budget.outcomes)}; replays ${budget.replays}) | all |`);
  say(
    `| the same address past its budget, a new cookie each time, and forged headers (${budget.dodges.map((dodge) => dodge.label).join("; ")}) | ${budget.dodges.map((dodge) => dodge.status || dodge.error).join(", ")}; ${budget.dodgeModelRequests} model requests | all 429 with Retry-After, 0 model requests: ${must(
      dodged.length === 0 && dodgesWithoutRetryAfter.length === 0 && budget.dodgeModelRequests === 0,
      `budget: the same address past its budget was not refused as it must be — ${[...dodged.map((dodge) => `${dodge.label}: ${dodge.status || dodge.error}, not 429`), ...dodgesWithoutRetryAfter.map((dodge) => `${dodge.label}: 429 without a 1–60 s Retry-After`), ...(budget.dodgeModelRequests ? [`${budget.dodgeModelRequests} model request(s)`] : [])].join("; ")}`,
    )} |`,
  );
  say(
    `| the same client's page \`/?shopper=12345\` past its budget (plain GET, read to its end) | ${budget.page.status}, ${budget.page.cards} of ${budget.page.candidates} cards${budget.page.whole ? " (each candidate once)" : ` — ${budget.page.problem}`}, outcome \`${budget.page.outcome}\`, ${budget.page.modelRequests} model requests, ${ms(budget.page.ms)} | every card, \`rate-limited\`, 0 model requests: ${must(
      budget.page.whole && budget.page.outcome === "rate-limited" && budget.page.modelRequests === 0,
      `budget: the client's page past its budget has outcome \`${budget.page.outcome}\` and made ${budget.page.modelRequests} model request(s); expected \`rate-limited\` and none${budget.page.whole ? "" : ` (and it is not whole: ${budget.page.problem})`}`,
    )} |`,
  );
  say("Cards are counted as `data-testid=\"ranked-card\"` in the HTML (the early cards' `<noscript>` markup); the outcome is the done summary in the page's RSC payload.");
  for (const line of budget.notWhole.slice(0, 5)) say(`- not whole: ${line}`);

  say();
  say(
    `(b) ${cap.pages} page loads at once from ${cap.pages} addresses: \`GET /?shopper=<the six in turn>\`, a distinct X-Forwarded-For each (AISLE_TRUSTED_PROXIES=1), AISLE_MAX_MODEL_STREAMS=${cap.maxStreams}, AISLE_RANKINGS_PER_MINUTE=${NO_BUDGET}, default picks (24); the fake model at ${MODEL_PACE.firstTokenMs} ms to first token, an element every ~100 ms.`,
  );
  say("| measure | result | target |");
  say("|---|---:|---|");
  say(
    `| most model requests open at once at the fake server | ${cap.peakOpen} | ≤ ${cap.maxStreams}: ${must(
      cap.peakOpen <= cap.maxStreams,
      `cap: ${cap.peakOpen} model requests were open at once at the fake server, over AISLE_MAX_MODEL_STREAMS=${cap.maxStreams}`,
    )} |`,
  );
  say(`| page errors (not 200, or a grid not whole) | ${cap.errors} | 0: ${met(cap.errors === 0)} |`);
  say(`| pages with a whole grid (every candidate's card once, ranks 1..n, the done summary's counts) | ${cap.wholePages} of ${cap.pages} | all |`);
  say(`| outcomes (done summary in each page's RSC payload) | ${counts(cap.outcomes)} | model-ranked, over-capacity, or replayed (a ranking another page's model finished is stored and replayed free) |`);
  say(`| model requests (stopped by the app after the picks) | ${cap.modelRequests} (${cap.modelAborted}) | = model-ranked pages |`);
  say(`| page load, request → end of HTML: p50 / p95 / max | ${ms(cap.pageMs.p50)} / ${ms(cap.pageMs.p95)} / ${ms(cap.pageMs.max)} (all in ${ms(cap.wallMs)}) | |`);
  for (const sample of cap.errorSamples) say(`- ${sample}`);
  for (const line of cap.serverErrors) say(`- server log: ${line.slice(0, 300)}`);

  say();
  const g = hostile.gaps;
  say(
    `(c) ${hostile.rankings} rankings at once (\`GET /api/rankings?shopper=<the six in turn>\`, NDJSON, ${hostile.candidates} candidates each), every ${hostile.every}th model request hostile, in turn: ${HOSTILE_KINDS.join(", ")}. AISLE_MODEL_PICKS=all (each healthy stream is one element per item at the model's pace), AISLE_STALL_TIMEOUT_MS=${HOSTILE_DEADLINES.stallMs}, AISLE_FIRST_ITEM_TIMEOUT_MS=${HOSTILE_DEADLINES.firstItemMs}, AISLE_MAX_MODEL_STREAMS=${Math.max(256, hostile.rankings)} (every ranking gets the model), no budget. Garbage = a valid first element, then text that is no JSON; stall = ~3 elements, then nothing, the connection open; HTTP 500 = every attempt (the SDK's retry too); invented id = \`9999\` as the 3rd element among valid ones. Each ranking's kind is read from its model items' reasons or its error detail.`,
  );
  say("| model answer | model requests | rankings | outcomes | model items (median) | rejected | whole | ranking totalMs (median) |");
  say("|---|---:|---:|---|---:|---:|---:|---:|");
  for (const row of hostile.kinds) {
    say(`| ${row.kind} | ${row.modelRequests} | ${row.rankings} | ${counts(row.outcomes)} | ${Number.isFinite(row.modelItems) ? row.modelItems : "—"} | ${row.rejected} | ${row.whole} | ${ms(row.totalMs)} |`);
  }
  const stallAfter = hostile.stall.closedAfterLastByteMs.filter(Number.isFinite);
  say("| measure | result | target |");
  say("|---|---:|---|");
  say(`| errors (not 200, or a ranking not whole) | ${hostile.errors} | 0: ${met(hostile.errors === 0)} |`);
  say(`| rankings exactly once (every candidate once, ranks 1..n) | ${hostile.whole} of ${hostile.rankings} (replays ${hostile.replays}) | all |`);
  const stallRow = hostile.kinds.find((row) => row.kind === "stall");
  const stallTimeouts = stallRow?.outcomes["stall-timeout"] ?? 0;
  say(
    `| stalled model requests closed by the app | ${hostile.stall.aborted} of ${hostile.stall.requests}, ${stallAfter.length ? `${ms(Math.min(...stallAfter))}–${ms(Math.max(...stallAfter))}` : "—"} after their last byte | all, ≈ ${HOSTILE_DEADLINES.stallMs} ms: ${must(
      hostile.stall.requests > 0 && hostile.stall.aborted === hostile.stall.requests,
      hostile.stall.requests === 0
        ? "hostile models: no model request stalled, so the stall deadline was not tested"
        : `hostile models: ${hostile.stall.requests - hostile.stall.aborted} of ${hostile.stall.requests} stalled model request(s) were never aborted by the app (still open at the fake server)`,
    )} |`,
  );
  say(
    `| stalled rankings ended by the stall deadline (outcome \`stall-timeout\`) | ${stallTimeouts} of ${hostile.stall.requests} (outcomes: ${counts(stallRow?.outcomes ?? {})}) | all: ${must(
      hostile.stall.requests > 0 && stallTimeouts === hostile.stall.requests,
      `hostile models: ${stallTimeouts} of ${hostile.stall.requests} ranking(s) fed a stalled model stream ended with outcome \`stall-timeout\` (outcomes: ${counts(stallRow?.outcomes ?? {})}); the stall deadline (AISLE_STALL_TIMEOUT_MS=${HOSTILE_DEADLINES.stallMs}) did not end them`,
    )} |`,
  );
  say(
    `| healthy streams' inter-item gap (model items, client): p50 / p95 | ${ms(g.clientP50)} / ${ms(g.clientP95)} (${g.samples} gaps, ${g.streams} streams) | |`,
  );
  say(`| the model's own gap (its element closes, fake server): p50 / p95 | ${ms(g.modelP50)} / ${ms(g.modelP95)} | |`);
  say(`| gap p95, client ÷ model | ${ratio(g.clientP95, g.modelP95)} | ≤ 1.10×: ${met(g.clientP95 <= g.modelP95 * 1.1)} |`);
  say(`| first item line, p50 / p95 (from request) | ${ms(hostile.firstLine.p50)} / ${ms(hostile.firstLine.p95)} | |`);
  say(`| most model requests open at once | ${hostile.peakOpen} | |`);
  for (const sample of hostile.errorSamples) say(`- ${sample}`);
  for (const line of hostile.serverErrors) say(`- server log: ${line.slice(0, 300)}`);

  for (const line of budget.notWhole) problems.push(`budget: a 200 ranking is not whole: ${line}`);
  for (const [status, count] of Object.entries(budget.statuses)) {
    if (status !== "200" && status !== "429") problems.push(`budget: ${count} request(s) answered ${status}`);
  }
  if (!budget.page.whole) problems.push(`budget: the page past the budget is not whole: ${budget.page.problem}`);
  if (cap.errors > 0) problems.push(`cap: ${cap.errors} page(s) failed or not whole, e.g. ${cap.errorSamples[0]}`);
  if (hostile.errors > 0) problems.push(`hostile models: ${hostile.errors} ranking(s) failed or not whole, e.g. ${hostile.errorSamples[0]}`);
  return { lines, problems };
}
