import type { PlainScenario } from "../../tests/support/fake-openai-server.ts";
import { SHOPPERS } from "../support/ranking-request.ts";
import { percentile } from "../support/stats.ts";
import { serverErrors, startApp } from "./app.ts";
import type { FakeModel } from "./fake-model.ts";
import { get, sleep } from "./http.ts";
import { candidateIds, pageCards, pageSummary, wholeProblem } from "./rankings.ts";
import { type AbuseSettings, HEALTHY_REASON, MODEL_PACE, NO_BUDGET } from "./settings.ts";

// 2. Many addresses, one process's cap on open model streams.

export interface CapResult {
  pages: number;
  maxStreams: number;
  /** Most chat completion responses open at once at the fake server. */
  peakOpen: number;
  modelRequests: number;
  /** Model requests the app closed before the model finished (stopped after the picks, or a client gone). */
  modelAborted: number;
  errors: number;
  errorSamples: string[];
  outcomes: Record<string, number>;
  wholePages: number;
  pageMs: { p50: number; p95: number; max: number };
  wallMs: number;
  serverErrors: string[];
}

/** A healthy model at MODEL_PACE: one ~49-character element every ~100 ms. */
export function healthyModel(): PlainScenario {
  return {
    kind: "rank",
    reason: HEALTHY_REASON,
    firstDelayMs: MODEL_PACE.firstTokenMs,
    chunkSize: MODEL_PACE.chunkChars,
    gapMs: MODEL_PACE.chunkGapMs,
  };
}

/** A distinct documentation-range address per client (198.18.0.0/15, RFC 2544). */
function address(i: number): string {
  return `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

export async function measureCap(port: number, fake: FakeModel, settings: AbuseSettings["cap"]): Promise<CapResult> {
  await fake.setScenario(healthyModel());
  const server = await startApp(port, fake, {
    AISLE_MAX_MODEL_STREAMS: String(settings.maxStreams),
    AISLE_RANKINGS_PER_MINUTE: NO_BUDGET,
    AISLE_TRUSTED_PROXIES: "1",
  });
  try {
    await fake.reset();
    const candidates = await candidateIds();
    const started = performance.now();
    const pages = await Promise.all(
      Array.from({ length: settings.pages }, (_, i) =>
        get(`${server.url}/?shopper=${encodeURIComponent(SHOPPERS[i % SHOPPERS.length]?.id as string)}`, { "x-forwarded-for": address(i), accept: "text/html" }, 180_000),
      ),
    );
    const wallMs = performance.now() - started;
    // Let the last model responses close (the app stops each one a moment after its picks).
    const deadline = performance.now() + 10_000;
    while ((await fake.stats()).openResponses > 0 && performance.now() < deadline) await sleep(100);
    const stats = await fake.stats();
    const requests = await fake.requests();
    const outcomes: Record<string, number> = {};
    const errorSamples: string[] = [];
    let errors = 0;
    let wholePages = 0;
    pages.forEach((got, i) => {
      const summary = got.status === 200 ? pageSummary(got.body) : undefined;
      const problem =
        got.status !== 200 ? `status ${got.status}${got.error ? ` (${got.error})` : ""}` : wholeProblem(pageCards(got.body), summary, candidates);
      if (summary) {
        const outcome = summary.replay ? `${summary.outcome} (replayed)` : summary.outcome;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      if (problem) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`page ${i} (${address(i)}): ${problem}`);
      } else wholePages++;
    });
    const durations = pages.map((got) => got.endAt - got.sentAt);
    return {
      pages: settings.pages,
      maxStreams: settings.maxStreams,
      peakOpen: stats.peakOpenResponses,
      modelRequests: stats.requests,
      modelAborted: requests.filter((request) => request.aborted).length,
      errors,
      errorSamples,
      outcomes,
      wholePages,
      pageMs: { p50: percentile(durations, 50), p95: percentile(durations, 95), max: Math.max(...durations) },
      wallMs,
      serverErrors: serverErrors(server),
    };
  } finally {
    await server.stop();
  }
}
