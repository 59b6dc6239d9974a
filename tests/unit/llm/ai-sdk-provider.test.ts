import { APICallError } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAiSdkProvider } from "@/lib/llm/ai-sdk/provider";
import type { ModelChunk, ReportedUsage } from "@/lib/llm/types";
import type { RankedItem, RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { rankingEventSchema } from "@/lib/ranking/pipeline/events";
import { buildRankingRequest, rankProducts, type RankingOptions } from "@/lib/ranking/pipeline/rank-products";
import { input } from "@/tests/support/fixtures";
import { chunked } from "@/tests/support/scripted-provider";

// The scenarios of rank-products.test.ts that are about what the model streams, played by an AI SDK mock
// model behind the `ai` provider: the same invariants must hold through streamText.

type StreamPart = Awaited<ReturnType<MockLanguageModelV4["doStream"]>>["stream"] extends ReadableStream<infer P> ? P : never;

/** Text deltas, a pause, a provider `error` part, a broken stream, or a stall that ignores the abort signal. */
type Step = string | { wait: number } | { fail: unknown } | { breaks: Error } | "stall";
type SdkUsage = Extract<StreamPart, { type: "finish" }>["usage"];

const sdkUsage: SdkUsage = { inputTokens: { total: 1200, noCache: 176, cacheRead: 1024, cacheWrite: undefined }, outputTokens: { total: 40, text: 40, reasoning: undefined } };
const config = { model: "openai/mock-model", keys: {}, baseURL: undefined };

async function* play(steps: Step[]): AsyncGenerator<StreamPart, void, undefined> {
  yield { type: "stream-start", warnings: [] };
  yield { type: "text-start", id: "t" };
  for (const step of steps) {
    if (step === "stall") await new Promise(() => {});
    else if (typeof step === "string") yield { type: "text-delta", id: "t", delta: step };
    else if ("wait" in step) await new Promise((resolve) => setTimeout(resolve, step.wait));
    else if ("fail" in step) return void (yield { type: "error", error: step.fail });
    else throw step.breaks;
  }
  yield { type: "text-end", id: "t" };
  yield { type: "finish", usage: sdkUsage, finishReason: { unified: "stop", raw: "stop" } };
}

/** A LanguageModelV4 mock whose stream plays the steps, read on demand like a network body. */
function mockModel(steps: Step[]) {
  return new MockLanguageModelV4({
    provider: "mock",
    modelId: "mock-model",
    doStream: async () => {
      const parts = play(steps);
      return {
        stream: new ReadableStream<StreamPart>({
          async pull(controller) {
            const next = await parts.next();
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          },
          cancel: () => void parts.return(),
        }),
      };
    },
  });
}

const answer = (...ids: string[]) => JSON.stringify({ products: ids.map((id) => ({ id, reason: `reason for ${id}` })) });
const order = (items: RankedItem[]) => items.map((item) => `${item.id}:${item.source}`);
const sawAbort = (model: MockLanguageModelV4) => model.doStreamCalls[0]?.abortSignal?.aborted;

async function run(steps: Step[], options: Partial<RankingOptions> = {}) {
  const model = mockModel(steps);
  const provider = createAiSdkProvider(config, model);
  const log = vi.fn();
  const events: RankingEvent[] = [];
  for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 2000, stallTimeoutMs: 1000, log, ...options })) {
    events.push(rankingEventSchema.parse(event));
  }
  const items = events.filter((event): event is RankedItem => event.type === "item");
  return { items, done: events.at(-1) as RankingSummary, log, model };
}

/** docs/architecture.md §3.1: every candidate exactly once, ranks 1…n, model items before fallback items. */
function expectNothingLost(items: RankedItem[], count = 5) {
  expect(items.map((item) => item.id).sort()).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)).sort());
  expect(items.map((item) => item.rank)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  const fromModel = items.filter((item) => item.source === "model").length;
  expect(items.map((item) => item.source)).toEqual([...Array<string>(fromModel).fill("model"), ...Array<string>(count - fromModel).fill("fallback")]);
}

/**
 * Starts a ranking and reads it in the background, for tests that move a fake clock: `events` fills as the
 * pipeline emits, `finished` settles when it is done.
 */
function start(steps: Step[], options: Partial<RankingOptions> = {}) {
  const model = mockModel(steps);
  const provider = createAiSdkProvider(config, model);
  const events: RankingEvent[] = [];
  const finished = (async () => {
    for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 2000, stallTimeoutMs: 1000, log: () => {}, ...options })) {
      events.push(rankingEventSchema.parse(event));
    }
  })();
  const items = () => events.filter((event): event is RankedItem => event.type === "item");
  return { events, items, model, finished };
}

async function collect(chunks: AsyncIterable<ModelChunk>) {
  const seen: ModelChunk[] = [];
  for await (const chunk of chunks) seen.push(chunk);
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the ai provider through rankProducts", () => {
  it("streams the model's order, then a done line naming the ai provider and AISLE_MODEL", async () => {
    const { items, done } = await run(chunked(answer("3", "1", "5", "2", "4")));
    expectNothingLost(items);
    expect(order(items)).toEqual(["3:model", "1:model", "5:model", "2:model", "4:model"]);
    expect(items[0]?.reason).toBe("reason for 3");
    expect(done).toMatchObject({ ranked: 5, fallback: 0, rejected: 0, provider: "ai", model: "openai/mock-model", outcome: "complete" });
  });

  it("hands the server's usage from the finish part to the done line", async () => {
    const { done } = await run(chunked(answer("3", "1", "5", "2", "4")));
    expect(done.usage).toEqual({ inputTokens: 1200, cachedInputTokens: 1024, outputTokens: 40, estimated: false });
  });

  it("keeps every candidate once when the model repeats an id", async () => {
    const { items, done, log } = await run(chunked(answer("2", "2", "1", "2")));
    expectNothingLost(items);
    expect(order(items).slice(0, 2)).toEqual(["2:model", "1:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, rejected: 2, outcome: "complete" });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ event: "element-rejected", reason: 'repeated id "2"' }));
  });

  it("never shows an id that is not a candidate", async () => {
    const { items, done, log } = await run(chunked(answer("99", "4", "0", "x")));
    expectNothingLost(items);
    expect(order(items)[0]).toBe("4:model");
    expect(done).toMatchObject({ ranked: 1, fallback: 4, rejected: 3 });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ reason: 'unknown id "99"' }));
  });

  it("refuses elements that fail the schema", async () => {
    const text = JSON.stringify({
      products: [{ id: "1" }, { id: "2", reason: "   " }, { id: "3", reason: "x".repeat(281) }, { id: "4", reason: "ok", score: 9 }, { id: 5, reason: "n" }, "5", { id: "5", reason: "  trimmed  " }],
    });
    const { items, done } = await run(chunked(text, 7));
    expectNothingLost(items);
    expect(items[0]).toMatchObject({ id: "5", reason: "trimmed", source: "model" });
    expect(done).toMatchObject({ ranked: 1, fallback: 4, rejected: 6 });
  });

  it("skips prose and a code fence before the JSON", async () => {
    const { items, done } = await run(chunked(`Sure! Here is the ranking:\n\`\`\`json\n${answer("5", "4", "3", "2", "1")}\n\`\`\``));
    expect(order(items)).toEqual(["5:model", "4:model", "3:model", "2:model", "1:model"]);
    expect(done.outcome).toBe("complete");
  });

  it("falls back for the rest when the model stops half-way", async () => {
    const text = answer("4", "2", "1", "3", "5");
    const { items, done } = await run(chunked(text.slice(0, text.indexOf('{"id":"1"') + 5)));
    expectNothingLost(items);
    expect(order(items).slice(0, 2)).toEqual(["4:model", "2:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "truncated" });
  });

  it("keeps what was valid before the JSON turned malformed", async () => {
    const { items, done } = await run(['{"products":[{"id":"3","reason":"a"}', ' oops {"id":"1"}]}']);
    expectNothingLost(items);
    expect(order(items)[0]).toBe("3:model");
    expect(done).toMatchObject({ ranked: 1, fallback: 4, outcome: "malformed" });
  });

  it("falls back entirely on garbage", async () => {
    const { items, done } = await run(["<html><body>502 Bad Gateway</body></html>"]);
    expectNothingLost(items);
    expect(items.every((item) => item.source === "fallback")).toBe(true);
    expect(done).toMatchObject({ ranked: 0, fallback: 5, outcome: "malformed" });
  });

  const apiError = (statusCode: number, message: string) =>
    new APICallError({ message, url: "http://model.test/v1/chat/completions", requestBodyValues: {}, statusCode, isRetryable: false });

  it.each([
    ["an HTTP 500 error part", { fail: apiError(500, "Internal server error") }, "HTTP 500: Internal server error"],
    ["an HTTP 429 error part", { fail: apiError(429, "Rate limit reached") }, "HTTP 429: Rate limit reached"],
    ["a dropped connection", { breaks: new Error("socket hang up") }, "socket hang up"],
  ] as const)("falls back on %s mid-stream, keeping items already shown", async (_name, failure, detail) => {
    const text = answer("5", "1", "2", "3", "4");
    const { items, done } = await run([...chunked(text.slice(0, text.indexOf('{"id":"1"'))), failure]);
    expectNothingLost(items);
    expect(order(items)[0]).toBe("5:model");
    expect(done).toMatchObject({ ranked: 1, fallback: 4, outcome: "model-error", detail });
  });

  it("retries a retryable refusal once, then reports the last attempt's status", async () => {
    const refusal = new APICallError({
      message: "Service unavailable",
      url: "http://model.test/v1/chat/completions",
      requestBodyValues: {},
      statusCode: 503,
      responseHeaders: { "retry-after-ms": "10" },
      isRetryable: true,
    });
    const model = new MockLanguageModelV4({ doStream: async () => Promise.reject(refusal) });
    const events: RankingEvent[] = [];
    for await (const event of rankProducts(input(), { provider: createAiSdkProvider(config, model), firstItemTimeoutMs: 2000, stallTimeoutMs: 1000, log: () => {} })) events.push(event);
    expect(model.doStreamCalls).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ ranked: 0, fallback: 5, outcome: "model-error", detail: "HTTP 503: Service unavailable" });
  });

  it("aborts the model and falls back when text stalls mid-stream, once the stall deadline has passed and not before", async () => {
    vi.useFakeTimers();
    const text = answer("2", "1", "3", "4", "5");
    const ranking = start([...chunked(text.slice(0, text.indexOf('{"id":"1"'))), "stall"], { stallTimeoutMs: 150 });
    await vi.advanceTimersByTimeAsync(149);
    expect(order(ranking.items())).toEqual(["2:model"]);
    expect(sawAbort(ranking.model)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sawAbort(ranking.model)).toBe(true);
    await ranking.finished;
    expectNothingLost(ranking.items());
    expect(order(ranking.items())[0]).toBe("2:model");
    expect(ranking.events.at(-1)).toMatchObject({ type: "done", ranked: 1, fallback: 4, outcome: "stall-timeout" });
  });

  it("aborts the model and falls back when no first item arrives by the deadline, and not before", async () => {
    vi.useFakeTimers();
    const ranking = start(['{"prod', "stall"], { firstItemTimeoutMs: 100, stallTimeoutMs: 10_000 });
    await vi.advanceTimersByTimeAsync(99);
    expect(ranking.events).toEqual([]);
    expect(sawAbort(ranking.model)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sawAbort(ranking.model)).toBe(true);
    await ranking.finished;
    expectNothingLost(ranking.items());
    expect(ranking.items().every((item) => item.source === "fallback")).toBe(true);
    expect(ranking.events.at(-1)).toMatchObject({ type: "done", outcome: "first-item-timeout" });
  });

  it("keeps the first-item deadline even while text keeps coming", async () => {
    vi.useFakeTimers();
    // A space every 10 ms for 400 ms: never a stall, never an item.
    const steps: Step[] = Array.from({ length: 40 }, () => [" ", { wait: 10 }] as Step[]).flat();
    const ranking = start(["{", ...steps], { firstItemTimeoutMs: 100, stallTimeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(99);
    expect(sawAbort(ranking.model)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sawAbort(ranking.model)).toBe(true);
    await ranking.finished;
    expect(ranking.events.at(-1)).toMatchObject({ type: "done", outcome: "first-item-timeout" });
  });

  it("aborts the model request and emits nothing more when the consumer leaves", async () => {
    const model = mockModel([...chunked(answer("1", "2")), "stall"]);
    const leave = new AbortController();
    const seen: RankingEvent[] = [];
    const options = { provider: createAiSdkProvider(config, model), firstItemTimeoutMs: 5000, stallTimeoutMs: 5000, signal: leave.signal, log: () => {} };
    for await (const event of rankProducts(input(), options)) {
      seen.push(event);
      if (seen.length === 2) leave.abort();
    }
    expect(seen.map((event) => event.type)).toEqual(["item", "item"]);
    expect(sawAbort(model)).toBe(true);
  });

  it("aborts the model request when the consumer stops iterating", async () => {
    const model = mockModel([...chunked(answer("1", "2", "3", "4", "5")), "stall"]);
    const seen: RankingEvent[] = [];
    for await (const event of rankProducts(input(), { provider: createAiSdkProvider(config, model), firstItemTimeoutMs: 5000, stallTimeoutMs: 5000 })) {
      seen.push(event);
      break;
    }
    expect(seen.map((event) => event.type)).toEqual(["item"]);
    expect(sawAbort(model)).toBe(true);
  });

  it("stops the model once it begins an element past the picks", async () => {
    const { items, done, model } = await run([...chunked(answer("4", "2", "5", "1", "3")), "stall"], { picks: 2 });
    expectNothingLost(items);
    expect(order(items).slice(0, 2)).toEqual(["4:model", "2:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "complete", usage: { estimated: true } });
    expect(sawAbort(model)).toBe(true);
  });

  it("reads a model that closes its array after the picks to its end, for the server's usage", async () => {
    const { done } = await run(chunked(answer("3", "1")), { picks: 2 });
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "complete", usage: { inputTokens: 1200, cachedInputTokens: 1024, outputTokens: 40, estimated: false } });
  });
});

describe("the ai provider's stream", () => {
  const request = () => buildRankingRequest(input(), 3);

  it("yields the raw text deltas one by one, as they come, then one usage report", async () => {
    const deltas = ["Sure! ", "Here: ", "```json\n", '{"products":', '[{"id":"1"', ',"reason":"r"}', "]}", "\n```"];
    const seen = await collect(createAiSdkProvider(config, mockModel(deltas)).stream(request(), new AbortController().signal));
    // Nothing merged or held back while the text is not (yet) JSON: the pipeline's deadlines see every delta.
    expect(seen).toEqual([...deltas, { type: "usage", usage: { inputTokens: 1200, cachedInputTokens: 1024, outputTokens: 40 } satisfies ReportedUsage }]);
  });

  it("reports no cached tokens as null, and no usage at all when the server reported none", async () => {
    const reportOf = async (usage: SdkUsage) => {
      const model = new MockLanguageModelV4({
        doStream: async () => ({
          stream: new ReadableStream<StreamPart>({
            start(controller) {
              controller.enqueue({ type: "text-start", id: "t" });
              controller.enqueue({ type: "text-delta", id: "t", delta: "{}" });
              controller.enqueue({ type: "text-end", id: "t" });
              controller.enqueue({ type: "finish", usage, finishReason: { unified: "stop", raw: "stop" } });
              controller.close();
            },
          }),
        }),
      });
      const seen = await collect(createAiSdkProvider(config, model).stream(request(), new AbortController().signal));
      return seen.filter((chunk) => typeof chunk !== "string");
    };
    const none = { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined };
    expect(await reportOf({ ...sdkUsage, inputTokens: { ...none, total: 900 } })).toEqual([{ type: "usage", usage: { inputTokens: 900, cachedInputTokens: null, outputTokens: 40 } }]);
    expect(await reportOf({ inputTokens: none, outputTokens: { total: undefined, text: undefined, reasoning: undefined } })).toEqual([]);
  });

  it("sends the schema as structured output, the cache mark on the candidates message and the prompt cache key", async () => {
    const model = mockModel(chunked(answer("1")));
    const sent = request();
    await collect(createAiSdkProvider(config, model).stream(sent, new AbortController().signal));
    const call = model.doStreamCalls[0]!;
    expect(call.responseFormat).toEqual({ type: "json", schema: sent.responseSchema, name: "product_ranking" });
    expect(call.providerOptions).toMatchObject({ openai: { promptCacheKey: sent.cacheKey } });
    expect(call.prompt.map((message) => message.role)).toEqual(["system", "user", "user"]);
    const mark = { anthropic: { cacheControl: { type: "ephemeral" } } };
    const [system, candidates, shopper] = call.prompt;
    expect(system).toMatchObject({ role: "system", content: sent.messages[0]!.content });
    expect(system?.providerOptions).toBeUndefined();
    expect(candidates).toMatchObject({ role: "user", content: [{ type: "text", text: sent.messages[1]!.content, providerOptions: mark }] });
    expect(shopper).toMatchObject({ role: "user", content: [{ type: "text", text: sent.messages[2]!.content }] });
    expect(JSON.stringify(shopper)).not.toContain("cacheControl");
  });

  it("marks a system message that ends the cached prefix on the message itself", async () => {
    const model = mockModel(chunked(answer("1")));
    const sent = { ...request(), messages: [{ role: "system" as const, content: "rules", cacheBreakpoint: true }, { role: "user" as const, content: "ask" }] };
    await collect(createAiSdkProvider(config, model).stream(sent, new AbortController().signal));
    expect(model.doStreamCalls[0]!.prompt[0]).toEqual({ role: "system", content: "rules", providerOptions: { anthropic: { cacheControl: { type: "ephemeral" } } } });
  });

  it("throws a model's error from the iterator instead of ending quietly", async () => {
    const model = mockModel(["{", { fail: new APICallError({ message: "boom", url: "u", requestBodyValues: {}, statusCode: 502 }) }]);
    const error = await collect(createAiSdkProvider(config, model).stream(request(), new AbortController().signal)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: "boom", status: 502 });
  });

  it("throws the abort reason when the signal aborts during a stall, without waiting for the model's next part", async () => {
    // The model sends "{" and then nothing, ever, ignoring the signal: only the abort can end the read.
    const model = mockModel(["{", "stall"]);
    const controller = new AbortController();
    const reason = new Error("deadline");
    const chunks = createAiSdkProvider(config, model).stream(request(), controller.signal)[Symbol.asyncIterator]();
    expect(await chunks.next()).toEqual({ done: false, value: "{" });
    const stalled = chunks.next();
    controller.abort(reason);
    await expect(stalled).rejects.toBe(reason);
    expect(sawAbort(model)).toBe(true);
  });
});
