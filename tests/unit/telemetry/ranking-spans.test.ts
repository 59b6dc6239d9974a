import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { costOf, PUBLISHED_PRICES } from "@/lib/llm/prices";
import type { RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import type { Scenario } from "@/tests/support/fake-openai-server";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";
import { recordSpans } from "@/tests/support/record-spans";

// The traces of docs/architecture.md (Traces), read with an in-memory exporter: one ranking through the store's
// own code path (prepareRanking, findReplay, rankLive/replayEvents) with the openai provider on a priced model
// (gpt-4.1-mini) against the local fake server, which writes one element that is not a candidate.

const server = fakeOpenAIServerPerFile();
const USAGE = { prompt_tokens: 2000, completion_tokens: 300, cached_tokens: 1024 };
const SCENARIO: Scenario = { kind: "rank", inventedIds: ["no-such-product"], usage: USAGE, chunkSize: 64, gapMs: 0 };

let query: typeof import("@/lib/ranking/service/query");
let service: typeof import("@/lib/ranking/service/start-ranking");

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "openai");
  vi.stubEnv("OPENAI_API_KEY", "test-key");
  vi.stubEnv("OPENAI_BASE_URL", server.url);
  vi.stubEnv("OPENAI_MODEL", "gpt-4.1-mini");
  // Every candidate ranked: the model closes its array and the server's usage report arrives.
  vi.stubEnv("AISLE_MODEL_PICKS", "all");
  vi.stubEnv("AISLE_RANKINGS_PER_MINUTE", "100000");
  query = await import("@/lib/ranking/service/query");
  service = await import("@/lib/ranking/service/start-ranking");
});

beforeAll(() => server.setScenario(SCENARIO));

/** One ranking as the API route makes it: retrieval, a replay if stored, else the model. */
async function rank(browserId: string, stopAfter = Infinity): Promise<RankingEvent[]> {
  const prepared = await query.prepareRanking({ shopper: "12345" }, 100, { id: browserId });
  if (!prepared.ok) throw new Error(prepared.error);
  const stored = await service.findReplay(prepared.value);
  const events: RankingEvent[] = [];
  for await (const event of stored ? service.replayEvents(stored) : service.rankLive(prepared.value, new AbortController().signal)) {
    events.push(event);
    if (events.length >= stopAfter) break;
  }
  return events;
}

/** A browser whose signals no other ranking shares: its first ranking is never a replay. */
async function freshBrowser(): Promise<string> {
  const { recordEvent } = await import("@/lib/signals/events");
  const browser = crypto.randomUUID();
  await recordEvent(browser, "12345", { kind: "search", query: `unique ${browser}` });
  return browser;
}

const named = (spans: ReadableSpan[], name: string) => spans.filter((span) => span.name === name);
const only = (spans: ReadableSpan[], name: string): ReadableSpan => {
  const found = named(spans, name);
  expect(found, name).toHaveLength(1);
  return found[0] as ReadableSpan;
};
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("rankings without a tracer provider", () => {
  it("rank as before, with nothing registered", async () => {
    const events = await rank(await freshBrowser());
    expect(events.at(-1)).toMatchObject({ type: "done", outcome: "complete", rejected: 1, replay: false });
  });
});

describe("a ranking's trace", () => {
  let recording: ReturnType<typeof recordSpans>;
  beforeAll(() => {
    recording = recordSpans();
  });
  afterAll(async () => {
    await recording.stop();
  });

  it("is one ranking span with retrieval, the replay lookup, the model call (tokens, cost, rejection) and the store as children", async () => {
    recording.reset();
    const events = await rank(await freshBrowser());
    const done = events.at(-1) as RankingSummary;
    expect(done).toMatchObject({ outcome: "complete", rejected: 1, replay: false });

    const spans = recording.spans();
    const ranking = only(spans, "aisle.ranking");
    expect(parentOf(ranking)).toBeUndefined();
    for (const child of ["aisle.retrieval", "aisle.replay", "aisle.model", "aisle.store"]) {
      const span = only(spans, child);
      expect(parentOf(span), child).toBe(ranking.spanContext().spanId);
      expect(span.spanContext().traceId).toBe(ranking.spanContext().traceId);
    }
    expect(ranking.attributes).toMatchObject({
      "aisle.arm": "model",
      "aisle.shopper.kind": "demo",
      "aisle.outcome": "complete",
      "aisle.replay": false,
      "aisle.ranked": done.ranked,
      "aisle.fallback": done.fallback,
      "aisle.rejected": 1,
      "aisle.candidates": done.ranked + done.fallback,
      "aisle.first_item_ms": done.firstItemMs,
      "aisle.total_ms": done.totalMs,
    });
    expect(only(spans, "aisle.retrieval").attributes).toMatchObject({ "aisle.candidates": done.ranked + done.fallback, "aisle.search": false });
    expect(only(spans, "aisle.replay").attributes).toMatchObject({ "aisle.replay.hit": false });

    const model = only(spans, "aisle.model");
    const cost = costOf({ inputTokens: 2000, cachedInputTokens: 1024, outputTokens: 300 }, PUBLISHED_PRICES["gpt-4.1-mini"]!);
    expect(cost).toBeGreaterThan(0);
    expect(model.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4.1-mini",
      "gen_ai.usage.input_tokens": 2000,
      "gen_ai.usage.output_tokens": 300,
      "aisle.cached_input_tokens": 1024,
      "aisle.usage_estimated": false,
      "aisle.cost_usd": cost,
      "aisle.outcome": "complete",
      "aisle.arm": "model",
    });
    // What only the server says, added by the openai provider inside the model span.
    expect(model.attributes["gen_ai.response.model"]).toEqual(expect.any(String));
    expect(model.attributes["gen_ai.response.finish_reasons"]).toEqual(["stop"]);
    expect(model.attributes["aisle.time_to_first_token_ms"]).toEqual(expect.any(Number));
    const rejections = model.events.filter((event) => event.name === "aisle.rejected");
    expect(rejections).toHaveLength(1);
    expect(String(rejections[0]?.attributes?.["aisle.reason"])).toContain("no-such-product");
    // The model call and storing happen inside the ranking's time.
    expect(ranking.startTime <= model.startTime).toBe(true);
  });

  it("shows a replay as a ranking span with its replay child and no model call", async () => {
    const browser = await freshBrowser();
    await rank(browser);
    recording.reset();
    const events = await rank(browser);
    expect(events.at(-1)).toMatchObject({ replay: true });
    const spans = recording.spans();
    const ranking = only(spans, "aisle.ranking");
    expect(ranking.attributes).toMatchObject({ "aisle.replay": true, "aisle.outcome": "complete", "aisle.arm": "model" });
    expect(parentOf(only(spans, "aisle.replay"))).toBe(ranking.spanContext().spanId);
    expect(only(spans, "aisle.replay").attributes).toMatchObject({ "aisle.replay.hit": true });
    expect(named(spans, "aisle.model")).toHaveLength(0);
    expect(named(spans, "aisle.store")).toHaveLength(0);
  });

  it("ends the ranking and model spans as aborted when the reader leaves mid-stream", async () => {
    recording.reset();
    const events = await rank(await freshBrowser(), 3);
    expect(events).toHaveLength(3);
    const spans = recording.spans();
    expect(only(spans, "aisle.ranking").attributes["aisle.outcome"]).toBe("aborted");
    expect(only(spans, "aisle.model").attributes["aisle.outcome"]).toBe("aborted");
    expect(named(spans, "aisle.store")).toHaveLength(0);
  });

  it("marks a failed model call ERROR, and the ranking still ends complete by the fallback order", async () => {
    server.setScenario({ kind: "status", status: 500 });
    try {
      recording.reset();
      const events = await rank(await freshBrowser());
      expect(events.at(-1)).toMatchObject({ outcome: "model-error", ranked: 0 });
      const spans = recording.spans();
      const model = only(spans, "aisle.model");
      expect(model.status.code).toBe(2); // SpanStatusCode.ERROR
      expect(model.attributes["aisle.outcome"]).toBe("model-error");
      expect(only(spans, "aisle.ranking").attributes["aisle.outcome"]).toBe("model-error");
    } finally {
      server.setScenario(SCENARIO);
    }
  });
});
