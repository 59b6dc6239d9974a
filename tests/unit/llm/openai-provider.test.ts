import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIProvider } from "@/lib/llm/openai";
import type { RankedItem, RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { rankProducts } from "@/lib/ranking/pipeline/rank-products";
import { input } from "@/tests/support/fixtures";
import { startFakeOpenAIServer, type FakeOpenAIServer, type Scenario } from "@/tests/support/fake-openai-server";

// The openai provider end to end through the pipeline, against a local OpenAI-compatible server.
let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const answer = (...ids: string[]) => JSON.stringify({ products: ids.map((id) => ({ id, reason: `because ${id}` })) });
const pieces = (text: string, size = 5) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, i * size + size));

async function rank(scenario: Scenario, options: { firstItemTimeoutMs?: number; stallTimeoutMs?: number; signal?: AbortSignal } = {}) {
  server.setScenario(scenario);
  const provider = createOpenAIProvider({ apiKey: "test-key", baseURL: server.url, model: "fake-model" });
  const events: RankingEvent[] = [];
  for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {}, ...options })) {
    events.push(event);
  }
  const items = events.filter((event): event is RankedItem => event.type === "item");
  return { items, done: events.at(-1) as RankingSummary, order: items.map((item) => `${item.id}:${item.source}`) };
}

async function until(check: () => boolean, ms = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("openai provider against an OpenAI-compatible server", () => {
  it("asks for a streamed answer under the strict schema, with the candidate ids as the enum", async () => {
    await rank({ kind: "rank" });
    const body = server.requests[0]?.body;
    expect(body).toMatchObject({
      model: "fake-model",
      stream: true,
      response_format: {
        type: "json_schema",
        json_schema: {
          strict: true,
          schema: {
            type: "object",
            additionalProperties: false,
            required: ["products"],
            properties: { products: { type: "array", items: { additionalProperties: false, required: ["id", "reason"] } } },
          },
        },
      },
    });
    expect(body.response_format.json_schema.schema.properties.products.items.properties.id.enum).toEqual(["1", "2", "3", "4", "5"]);
    expect(body.messages.map((message: { role: string }) => message.role)).toEqual(["system", "user"]);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer test-key");
  });

  it("keeps the model's order and reasons", async () => {
    const { order, done, items } = await rank({ kind: "rank", reverse: true, reason: "Fits your taste" });
    expect(order).toEqual(["5:model", "4:model", "3:model", "2:model", "1:model"]);
    expect(items[0]?.reason).toBe("Fits your taste");
    expect(done).toMatchObject({ ranked: 5, fallback: 0, rejected: 0, provider: "openai", model: "fake-model", outcome: "complete" });
  });

  it("refuses unknown and repeated ids and keeps every candidate once", async () => {
    const { order, done } = await rank({ kind: "stream", chunks: pieces(answer("3", "42", "3", "1")) });
    expect(order).toEqual(["3:model", "1:model", "2:fallback", "4:fallback", "5:fallback"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, rejected: 2 });
  });

  it("falls back on HTTP 500", async () => {
    const { order, done } = await rank({ kind: "status", status: 500 });
    expect(order).toEqual(["1:fallback", "2:fallback", "3:fallback", "4:fallback", "5:fallback"]);
    expect(done.outcome).toBe("model-error");
    expect(done.detail).toContain("500");
  });

  it("falls back on HTTP 429 at once", async () => {
    const started = performance.now();
    const { done } = await rank({ kind: "status", status: 429, headers: { "retry-after": "0" } });
    expect(done).toMatchObject({ fallback: 5, outcome: "model-error" });
    expect(done.detail).toContain("429");
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it("falls back on a body that is not an event stream", async () => {
    const { done } = await rank({ kind: "garbage", text: "<html>upstream error</html>" });
    expect(done).toMatchObject({ fallback: 5, ranked: 0 });
    expect(done.outcome).not.toBe("complete");
  });

  it("keeps the items before the stream stopped half-way", async () => {
    const text = answer("2", "5", "1", "3", "4");
    const { order, done } = await rank({ kind: "stream", chunks: pieces(text.slice(0, text.indexOf('{"id":"1"') + 4)), endWithoutDone: true });
    expect(order.slice(0, 2)).toEqual(["2:model", "5:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "truncated" });
  });

  it("aborts the request and falls back when the stream stalls", async () => {
    const text = answer("4", "1", "2", "3", "5");
    const { order, done } = await rank({ kind: "stream", chunks: pieces(text), stallAfter: 12 }, { stallTimeoutMs: 200 });
    expect(order[0]).toBe("4:model");
    expect(done).toMatchObject({ outcome: "stall-timeout", ranked: 1, fallback: 4 });
    await until(() => server.requests[0]?.aborted === true);
  });

  it("aborts the request when no first item arrives in time", async () => {
    const { done } = await rank({ kind: "rank", firstDelayMs: 5000 }, { firstItemTimeoutMs: 200 });
    expect(done).toMatchObject({ outcome: "first-item-timeout", fallback: 5 });
    await until(() => server.requests[0]?.aborted === true);
  });

  it("aborts the request when the consumer leaves", async () => {
    server.setScenario({ kind: "rank", gapMs: 40 });
    const provider = createOpenAIProvider({ apiKey: "k", baseURL: server.url, model: "fake-model" });
    const leave = new AbortController();
    const seen: RankingEvent[] = [];
    for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, signal: leave.signal })) {
      seen.push(event);
      leave.abort();
    }
    expect(seen).toHaveLength(1);
    await until(() => server.requests[0]?.aborted === true);
    expect(server.requests[0]?.finished).toBe(false);
  });
});
