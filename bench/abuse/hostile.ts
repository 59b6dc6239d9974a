import type { PlainScenario } from "../../tests/support/fake-openai-server.ts";
import { SHOPPERS } from "../support/ranking-request.ts";
import { median, percentile } from "../support/stats.ts";
import { serverErrors, startApp } from "./app.ts";
import { healthyModel } from "./cap.ts";
import type { FakeModel } from "./fake-model.ts";
import { get, sleep } from "./http.ts";
import { candidateIds, readNdjson, wholeProblem, type Ndjson } from "./rankings.ts";
import { HOSTILE_DEADLINES, MODEL_PACE, NO_BUDGET, type AbuseSettings } from "./settings.ts";

// 3. Hostile model streams among healthy ones.

export const HOSTILE_KINDS = ["garbage", "stall", "http-500", "invented-id"] as const;
type Kind = (typeof HOSTILE_KINDS)[number] | "healthy";

/** Each hostile stream marks its reasons (or its error) with its kind, so the ranking it fed says which it was. */
const tag = (kind: Kind) => `hostile:${kind}`;

/** The hostile answers, in HOSTILE_KINDS' order; every `every`-th model request gets the next in turn. */
function hostileModels(): PlainScenario[] {
  const paced = { firstDelayMs: MODEL_PACE.firstTokenMs, gapMs: MODEL_PACE.chunkGapMs };
  // Garbage: a valid first element, then text that is no JSON at all (braces, brackets, a control character).
  const garbage = `{"products":[{"id":"1","reason":"${tag("garbage")}"},I apologise, as a language model I cannot {{ rank ]] these "products :: \\u0000 ### {"id": 2, reason: nope}}]]`;
  return [
    { kind: "stream", chunks: Array.from({ length: Math.ceil(garbage.length / MODEL_PACE.chunkChars) }, (_, i) => garbage.slice(i * MODEL_PACE.chunkChars, (i + 1) * MODEL_PACE.chunkChars)), ...paced },
    // A stall: three elements or so, then no byte more, the connection left open; the app's stall deadline must end it.
    { kind: "rank", reason: tag("stall"), chunkSize: MODEL_PACE.chunkChars, stallAfter: 12, ...paced },
    // The model's server fails every attempt (the SDK's one retry too).
    { kind: "status", status: 500, body: { error: { message: `${tag("http-500")}: the model server failed`, type: "server_error", param: null, code: "server_error" } } },
    // An id that is no candidate, among valid ones.
    { kind: "rank", reason: tag("invented-id"), chunkSize: MODEL_PACE.chunkChars, inventedIds: ["9999"], inventedAt: 3, ...paced },
  ];
}

interface KindRow {
  kind: Kind;
  /** Model requests the fake server answered this way (an SDK retry counts). */
  modelRequests: number;
  rankings: number;
  outcomes: Record<string, number>;
  /** Median model items per ranking, and all elements rejected. */
  modelItems: number;
  rejected: number;
  whole: number;
  /** Median of the done line's totalMs. */
  totalMs: number;
}

export interface HostileResult {
  rankings: number;
  /** Candidates of each ranking (the whole catalog). */
  candidates: number;
  every: number;
  errors: number;
  errorSamples: string[];
  /** Rankings with every candidate exactly once, ranks 1..n, a done line whose counts add up. */
  whole: number;
  replays: number;
  kinds: KindRow[];
  /** Stalled model requests: aborted by the app, and how long after the stream's last byte. */
  stall: { requests: number; aborted: number; closedAfterLastByteMs: number[] };
  /** Healthy streams: inter-item gaps of the model's items at the client, and of the model's own element closes. */
  gaps: { clientP50: number; clientP95: number; modelP50: number; modelP95: number; samples: number; streams: number };
  firstLine: { p50: number; p95: number };
  peakOpen: number;
  wallMs: number;
  serverErrors: string[];
}

function kindOf(parsed: Ndjson): Kind {
  const text = [...parsed.items.filter((item) => item.source === "model").map((item) => item.reason), parsed.summary?.detail ?? ""].join(" ");
  return HOSTILE_KINDS.find((kind) => text.includes(tag(kind))) ?? "healthy";
}

export async function measureHostile(port: number, fake: FakeModel, settings: AbuseSettings["hostile"]): Promise<HostileResult> {
  const server = await startApp(port, fake, {
    // Every ranking gets a model stream (the cap is part 2's), and no budget is spent.
    AISLE_MAX_MODEL_STREAMS: String(Math.max(256, settings.rankings)),
    AISLE_RANKINGS_PER_MINUTE: NO_BUDGET,
    AISLE_STALL_TIMEOUT_MS: String(HOSTILE_DEADLINES.stallMs),
    AISLE_FIRST_ITEM_TIMEOUT_MS: String(HOSTILE_DEADLINES.firstItemMs),
    // The model ranks every candidate: a healthy stream is one element per item at the model's pace.
    AISLE_MODEL_PICKS: "all",
  });
  try {
    await fake.setScenario({ kind: "mixed", healthy: healthyModel(), every: settings.every, hostile: hostileModels() });
    await fake.reset();
    const candidates = await candidateIds();
    const started = performance.now();
    // The six shoppers in turn over the whole catalog; all sent at once, so none can replay another (a
    // ranking is stored when its model finishes, seconds later). Checked below all the same.
    const gots = await Promise.all(
      Array.from({ length: settings.rankings }, (_, i) => get(`${server.url}/api/rankings?shopper=${encodeURIComponent(SHOPPERS[i % SHOPPERS.length]?.id as string)}`, {}, 120_000)),
    );
    const wallMs = performance.now() - started;
    const deadline = performance.now() + 10_000;
    while ((await fake.stats()).openResponses > 0 && performance.now() < deadline) await sleep(100);
    const stats = await fake.stats();
    const requests = await fake.requests();

    const rows = new Map<Kind, { rankings: number; outcomes: Record<string, number>; items: number[]; rejected: number; whole: number; totalMs: number[] }>();
    const row = (kind: Kind) => {
      let found = rows.get(kind);
      if (!found) rows.set(kind, (found = { rankings: 0, outcomes: {}, items: [], rejected: 0, whole: 0, totalMs: [] }));
      return found;
    };
    const errorSamples: string[] = [];
    const clientGaps: number[] = [];
    const firstLines: number[] = [];
    let errors = 0;
    let whole = 0;
    let replays = 0;
    let healthyStreams = 0;
    gots.forEach((got, i) => {
      const parsed = got.status === 200 ? readNdjson(got) : undefined;
      const problem = !parsed ? `status ${got.status}${got.error ? ` (${got.error})` : ""}` : (parsed.bad ?? wholeProblem(parsed.items, parsed.summary, candidates));
      if (problem) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`ranking ${i}: ${problem}`);
      } else whole++;
      if (!parsed) return;
      const kind = kindOf(parsed);
      const entry = row(kind);
      entry.rankings++;
      if (!problem) entry.whole++;
      if (parsed.summary) {
        entry.outcomes[parsed.summary.outcome] = (entry.outcomes[parsed.summary.outcome] ?? 0) + 1;
        entry.rejected += parsed.summary.rejected;
        entry.totalMs.push(parsed.summary.totalMs);
        if (parsed.summary.replay) replays++;
      }
      const model = parsed.items.filter((item) => item.source === "model");
      entry.items.push(model.length);
      if (parsed.items[0]) firstLines.push(parsed.items[0].at - got.sentAt);
      if (kind === "healthy" && parsed.summary?.outcome === "complete" && !parsed.summary.replay) {
        healthyStreams++;
        for (let k = 1; k < model.length; k++) clientGaps.push((model[k]?.at as number) - (model[k - 1]?.at as number));
      }
    });

    const modelGaps = requests
      .filter((request) => request.hostileIndex === null)
      .flatMap((request) => request.elementCloseTimes.slice(1).map((time, k) => time - (request.elementCloseTimes[k] as number)));
    const stalled = requests.filter((request) => request.hostileIndex === HOSTILE_KINDS.indexOf("stall"));
    const kinds: KindRow[] = (["healthy", ...HOSTILE_KINDS] as const).map((kind) => {
      const entry = row(kind);
      return {
        kind,
        modelRequests: requests.filter((request) => (kind === "healthy" ? request.hostileIndex === null : request.hostileIndex === HOSTILE_KINDS.indexOf(kind))).length,
        rankings: entry.rankings,
        outcomes: entry.outcomes,
        modelItems: median(entry.items),
        rejected: entry.rejected,
        whole: entry.whole,
        totalMs: median(entry.totalMs),
      };
    });
    return {
      rankings: settings.rankings,
      candidates: candidates.length,
      every: settings.every,
      errors,
      errorSamples,
      whole,
      replays,
      kinds,
      stall: {
        requests: stalled.length,
        aborted: stalled.filter((request) => request.aborted).length,
        closedAfterLastByteMs: stalled.map((request) => (request.closedAt ?? Number.NaN) - (request.chunkTimes.at(-1) ?? Number.NaN)),
      },
      gaps: {
        clientP50: percentile(clientGaps, 50),
        clientP95: percentile(clientGaps, 95),
        modelP50: percentile(modelGaps, 50),
        modelP95: percentile(modelGaps, 95),
        samples: clientGaps.length,
        streams: healthyStreams,
      },
      firstLine: { p50: percentile(firstLines, 50), p95: percentile(firstLines, 95) },
      peakOpen: stats.peakOpenResponses,
      wallMs,
      serverErrors: serverErrors(server),
    };
  } finally {
    await server.stop();
  }
}
