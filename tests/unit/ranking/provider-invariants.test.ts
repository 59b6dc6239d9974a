import { describe, expect, it } from "vitest";
import { createAiSdkProvider } from "@/lib/llm/ai-sdk/provider";
import { createOpenAIProvider } from "@/lib/llm/openai/provider";
import type { ModelProvider } from "@/lib/llm/types";
import type { RankedItem, RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { rankProducts, type RankingOptions } from "@/lib/ranking/pipeline/rank-products";
import { input } from "@/tests/support/fixtures";
import type { Scenario } from "@/tests/support/fake-openai-server";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";

// The invariants of docs/architecture.md §3 and the picks of §4, held by each real-model provider against
// the same local OpenAI-compatible server and the same scenarios: `openai` (the official SDK) and `ai`
// (the Vercel AI SDK, `openai-compatible/<model>`).

const server = fakeOpenAIServerPerFile();

let models = 0;
const PROVIDERS: [string, () => ModelProvider][] = [
  // A fresh model name each test: what a server refused is remembered per base URL and model.
  ["openai", () => createOpenAIProvider({ apiKey: "test-key", baseURL: server.url, model: `fake-${++models}` })],
  ["ai", () => createAiSdkProvider({ model: `openai-compatible/fake-${++models}`, keys: { openai: "test-key" }, baseURL: server.url })],
];

const answer = (...ids: string[]) => JSON.stringify({ products: ids.map((id) => ({ id, reason: `because ${id}` })) });
const pieces = (text: string, size = 5) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, i * size + size));

describe.each(PROVIDERS)("the %s provider keeps the pipeline's invariants", (_name, makeProvider) => {
  async function rank(scenario: Scenario, options: Partial<RankingOptions> = {}) {
    server.setScenario(scenario);
    const events: RankingEvent[] = [];
    for await (const event of rankProducts(input(), { provider: makeProvider(), firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {}, ...options })) events.push(event);
    const items = events.filter((event): event is RankedItem => event.type === "item");
    // Nothing lost: every candidate once, ranks 1..n, the model's items before the rest.
    expect(items.map((item) => item.id).sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect(items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5]);
    const fromModel = items.filter((item) => item.source === "model").length;
    expect(items.map((item) => item.source)).toEqual([...Array<string>(fromModel).fill("model"), ...Array<string>(5 - fromModel).fill("fallback")]);
    return { items, done: events.at(-1) as RankingSummary, order: items.map((item) => `${item.id}:${item.source}`) };
  }

  it("streams the model's order and reports the server's usage", async () => {
    const { order, done } = await rank({ kind: "rank", reverse: true, usage: { prompt_tokens: 1500, completion_tokens: 60, cached_tokens: 1280 } });
    expect(order).toEqual(["5:model", "4:model", "3:model", "2:model", "1:model"]);
    expect(done).toMatchObject({ ranked: 5, fallback: 0, outcome: "complete", usage: { inputTokens: 1500, cachedInputTokens: 1280, outputTokens: 60, estimated: false } });
  });

  it("invents nothing: unknown and repeated ids are rejected, never shown", async () => {
    const { order, done } = await rank({ kind: "stream", chunks: pieces(answer("9", "2", "2", "x", "4")) });
    expect(order.slice(0, 2)).toEqual(["2:model", "4:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, rejected: 3 });
  });

  it("falls back entirely on an HTTP 500, and on garbage", async () => {
    const failed = await rank({ kind: "status", status: 500 });
    expect(failed.done).toMatchObject({ ranked: 0, fallback: 5, outcome: "model-error", usage: null });
    const garbage = await rank({ kind: "stream", chunks: ["<html>502 Bad Gateway</html>"] });
    expect(garbage.done).toMatchObject({ ranked: 0, fallback: 5, outcome: "malformed" });
  });

  it("aborts the request on a stall mid-answer and when no first item comes", async () => {
    const text = answer("3", "1", "2", "4", "5");
    const stalled = await rank({ kind: "stream", chunks: pieces(text), stallAfter: Math.ceil(text.indexOf('{"id":"1"') / 5) }, { stallTimeoutMs: 200 });
    expect(stalled.order[0]).toBe("3:model");
    expect(stalled.done.outcome).toBe("stall-timeout");
    await expect.poll(() => server.requests.at(-1)?.aborted).toBe(true);

    const silent = await rank({ kind: "stream", chunks: ['{"products":['], stallAfter: 1 }, { firstItemTimeoutMs: 200 });
    expect(silent.done.outcome).toBe("first-item-timeout");
    await expect.poll(() => server.requests.at(-1)?.aborted).toBe(true);
  });

  it("stops the request as the model begins one element past the picks, and counts its tokens locally", async () => {
    const { order, done } = await rank({ kind: "rank", gapMs: 10 }, { picks: 2 });
    expect(order.slice(0, 2)).toEqual(["1:model", "2:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "complete", usage: { estimated: true } });
    await expect.poll(() => server.requests[0]?.aborted).toBe(true);
    expect(server.requests[0]?.elementsBegunAtClose).toBe(3);
  });

  it("reads a model that writes exactly the picks to its end, for the server's usage", async () => {
    const { done } = await rank({ kind: "rank", count: 2, usage: { prompt_tokens: 900, completion_tokens: 30 } }, { picks: 2 });
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "complete", usage: { inputTokens: 900, cachedInputTokens: null, outputTokens: 30, estimated: false } });
    expect(server.requests[0]?.finished).toBe(true);
  });

  it("aborts the request when the consumer leaves", async () => {
    server.setScenario({ kind: "rank", gapMs: 40 });
    const leave = new AbortController();
    for await (const event of rankProducts(input(), { provider: makeProvider(), firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, signal: leave.signal, log: () => {} })) {
      if (event.type === "item") leave.abort();
    }
    await expect.poll(() => server.requests[0]?.aborted).toBe(true);
  });
});

describe("the openai provider against a server that refuses strict json_schema", () => {
  it("still yields the model's picks, and the next ranking goes straight to what worked", async () => {
    server.setScenario({ kind: "rank", refuse: ["json_schema"] });
    const provider = createOpenAIProvider({ apiKey: "test-key", baseURL: server.url, model: "refuses-json-schema" });
    const rankOnce = async () => {
      const events: RankingEvent[] = [];
      for await (const event of rankProducts(input(), { provider, picks: 3, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {} })) events.push(event);
      return events.at(-1) as RankingSummary;
    };
    expect(await rankOnce()).toMatchObject({ ranked: 3, fallback: 2, outcome: "complete" });
    expect(server.requests.map((request) => request.body.response_format?.type)).toEqual(["json_schema", "json_object"]);
    server.reset();
    expect(await rankOnce()).toMatchObject({ ranked: 3, outcome: "complete" });
    expect(server.requests.map((request) => request.body.response_format?.type)).toEqual(["json_object"]);
  });
});
