import { tracingChannel } from "node:diagnostics_channel";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { AI_SDK_TELEMETRY_TRACING_CHANNEL } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAiSdkProvider } from "@/lib/llm/ai-sdk/provider";
import { createOpenAIProvider } from "@/lib/llm/openai/provider";
import { createSimulatedProvider } from "@/lib/llm/simulated/provider";
import type { ModelProvider } from "@/lib/llm/types";
import { rankProducts } from "@/lib/ranking/pipeline/rank-products";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";
import { input } from "@/tests/support/fixtures";
import { recordSpans } from "@/tests/support/record-spans";

// The model call's span is the pipeline's, so every provider's carries the same attributes: the `openai`
// provider and the AI SDK's (`ai`, here openai-compatible/gpt-4.1-mini on the local fake server), and the
// simulated model (free: cost 0). The AI SDK's own telemetry is switched on, named and tagged, only while traced.

const server = fakeOpenAIServerPerFile({ scenario: { kind: "rank", gapMs: 0, usage: { prompt_tokens: 900, completion_tokens: 120 } } });

const MODEL_ATTRIBUTES = [
  "gen_ai.operation.name",
  "gen_ai.provider.name",
  "gen_ai.request.model",
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.output_tokens",
  "aisle.cost_usd",
  "aisle.time_to_first_token_ms",
  "aisle.outcome",
  "aisle.arm",
  "aisle.candidates",
  "aisle.picks",
];

const PROVIDERS: [string, () => ModelProvider, { provider: string; model: string; priced: boolean }][] = [
  ["openai", () => createOpenAIProvider({ apiKey: "test-key", baseURL: server.url, model: "gpt-4.1-mini" }), { provider: "openai", model: "gpt-4.1-mini", priced: true }],
  [
    "ai",
    () => createAiSdkProvider({ model: "openai-compatible/gpt-4.1-mini", keys: { openai: "test-key" }, baseURL: server.url }),
    { provider: "openai-compatible", model: "gpt-4.1-mini", priced: true },
  ],
  ["simulated", () => createSimulatedProvider({ ttftMs: 0, tokensPerSecond: 100_000 }), { provider: "simulated", model: "aisle-simulated-ranker", priced: false }],
];

/** Subscribers to the AI SDK's tracing channel that note each event as it starts. */
function onStart(start: (message: unknown) => void) {
  const ignore = () => {};
  return { start, end: ignore, asyncStart: ignore, asyncEnd: ignore, error: ignore };
}

async function modelSpanOf(provider: ModelProvider, recording: ReturnType<typeof recordSpans>): Promise<ReadableSpan> {
  recording.reset();
  for await (const _event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {} })) {
    // read to the end
  }
  const spans = recording.spans().filter((span) => span.name === "aisle.model");
  expect(spans).toHaveLength(1);
  return spans[0] as ReadableSpan;
}

describe("the model span, whatever the provider", () => {
  let recording: ReturnType<typeof recordSpans>;
  const sdkEvents: { type: string; functionId?: unknown; runtimeContext?: unknown }[] = [];
  const listen = onStart((message) => {
    const { type, event } = message as { type: string; event: { functionId?: unknown; runtimeContext?: unknown } };
    sdkEvents.push({ type, functionId: event.functionId, runtimeContext: event.runtimeContext });
  });
  beforeAll(() => {
    recording = recordSpans();
    tracingChannel(AI_SDK_TELEMETRY_TRACING_CHANNEL).subscribe(listen);
  });
  afterAll(async () => {
    tracingChannel(AI_SDK_TELEMETRY_TRACING_CHANNEL).unsubscribe(listen);
    await recording.stop();
  });

  it.each(PROVIDERS)("carries the same attributes through the %s provider", async (_name, makeProvider, expected) => {
    const span = await modelSpanOf(makeProvider(), recording);
    for (const key of MODEL_ATTRIBUTES) expect(span.attributes, key).toHaveProperty([key]);
    expect(span.attributes).toMatchObject({ "gen_ai.provider.name": expected.provider, "gen_ai.request.model": expected.model, "aisle.outcome": "complete", "aisle.arm": "model" });
    expect(span.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
    expect(span.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
    if (expected.priced) expect(span.attributes["aisle.cost_usd"]).toBeGreaterThan(0);
    else expect(span.attributes["aisle.cost_usd"]).toBe(0);
  });

  it("switches the AI SDK's telemetry on while traced, under the ranking's function id and arm", async () => {
    sdkEvents.length = 0;
    await modelSpanOf(PROVIDERS[1]![1](), recording);
    expect(sdkEvents.length).toBeGreaterThan(0);
    expect(sdkEvents[0]).toMatchObject({ functionId: "aisle.ranking", runtimeContext: { arm: "model", candidates: 5, picks: 5 } });
  });
});

describe("without a tracer provider", () => {
  it("keeps the AI SDK's telemetry off", async () => {
    const seen: unknown[] = [];
    const listen = onStart((message) => void seen.push(message));
    tracingChannel(AI_SDK_TELEMETRY_TRACING_CHANNEL).subscribe(listen);
    try {
      const provider = PROVIDERS[1]![1]();
      const events = [];
      for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {} })) events.push(event);
      expect(events.at(-1)).toMatchObject({ type: "done", outcome: "complete" });
      expect(seen).toEqual([]);
    } finally {
      tracingChannel(AI_SDK_TELEMETRY_TRACING_CHANNEL).unsubscribe(listen);
    }
  });
});
