import { createOpenAI } from "@ai-sdk/openai";
import { expect, it } from "vitest";
import { createAiSdkProvider } from "@/lib/llm/ai-sdk/provider";
import type { RankedItem, RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { buildRankingRequest, rankProducts } from "@/lib/ranking/pipeline/rank-products";
import { input } from "@/tests/support/fixtures";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";

// The ai provider end to end: `openai-compatible/<model>` through the AI SDK to a local OpenAI-compatible server.
const server = fakeOpenAIServerPerFile();

it("ranks through openai-compatible/fake-model: a streamed, strict-schema request, the fake's order kept", async () => {
  server.setScenario({ kind: "rank", reverse: true, reason: "Fits your taste" });
  const provider = createAiSdkProvider({ model: "openai-compatible/fake-model", keys: { openai: "test-key" }, baseURL: server.url });
  const events: RankingEvent[] = [];
  for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {} })) events.push(event);
  const items = events.filter((event): event is RankedItem => event.type === "item");

  expect(items.map((item) => `${item.id}:${item.source}`)).toEqual(["5:model", "4:model", "3:model", "2:model", "1:model"]);
  expect(items[0]?.reason).toBe("Fits your taste");
  // The server's own figures; it said nothing about its cache (as Ollama): null, not 0.
  expect(events.at(-1) as RankingSummary).toMatchObject({ ranked: 5, fallback: 0, provider: "ai", model: "openai-compatible/fake-model", outcome: "complete", usage: { cachedInputTokens: null, estimated: false } });

  expect(server.requests).toHaveLength(1);
  const { body, headers } = server.requests[0]!;
  expect(body).toMatchObject({
    model: "fake-model",
    stream: true,
    stream_options: { include_usage: true },
    response_format: { type: "json_schema", json_schema: { name: "product_ranking", strict: true, schema: { type: "object", required: ["products"] } } },
  });
  expect(body.response_format.json_schema.schema.properties.products.items.properties.id.enum).toEqual(["1", "2", "3", "4", "5"]);
  expect(body.messages.map((message: { role: string }) => message.role)).toEqual(["system", "user", "user"]);
  expect(headers.authorization).toBe("Bearer test-key");
});

it("keeps the usage the server reports in its last chunk, cached tokens included", async () => {
  server.setScenario({ kind: "rank", usage: { prompt_tokens: 1000, completion_tokens: 50, cached_tokens: 768 } });
  const provider = createAiSdkProvider({ model: "openai-compatible/fake-model", keys: { openai: "test-key" }, baseURL: server.url });
  let done: RankingEvent | undefined;
  for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {} })) done = event;
  expect(done).toMatchObject({ type: "done", ranked: 5, usage: { inputTokens: 1000, cachedInputTokens: 768, outputTokens: 50, estimated: false } });
});

it("asks OpenAI's own Chat Completions (the openai/ route) for strict json_schema output and the prompt cache key", async () => {
  server.setScenario({ kind: "rank" });
  // The model the openai/ route resolves to, pointed at the fake instead of api.openai.com.
  const model = createOpenAI({ apiKey: "sk-test", baseURL: server.url }).chat("fake-model");
  const provider = createAiSdkProvider({ model: "openai/fake-model", keys: { openai: "sk-test" }, baseURL: undefined }, model);
  const request = buildRankingRequest(input());
  let done: RankingEvent | undefined;
  for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {} })) done = event;
  expect(done).toMatchObject({ type: "done", ranked: 5, outcome: "complete" });
  const { body } = server.requests[0]!;
  expect(body).toMatchObject({
    stream: true,
    stream_options: { include_usage: true },
    prompt_cache_key: request.cacheKey,
    response_format: { type: "json_schema", json_schema: { name: "product_ranking", strict: true } },
  });
  expect(body.response_format.json_schema.schema.properties.products.items.properties.id.enum).toEqual(["1", "2", "3", "4", "5"]);
});

async function until(check: () => boolean, ms = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it.each([
  ["no first item arrives in time", { kind: "rank", firstDelayMs: 5000 } as const, { firstItemTimeoutMs: 200 }, "first-item-timeout"],
  ["the picks are placed and the model begins one element more", { kind: "rank", gapMs: 40 } as const, { picks: 2 }, "complete"],
])("closes the HTTP request when %s", async (_name, scenario, options, outcome) => {
  server.setScenario(scenario);
  const provider = createAiSdkProvider({ model: "openai-compatible/fake-model", keys: {}, baseURL: server.url });
  let done: RankingEvent | undefined;
  for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 3000, stallTimeoutMs: 3000, log: () => {}, ...options })) done = event;
  expect(done).toMatchObject({ type: "done", outcome, fallback: outcome === "complete" ? 3 : 5 });
  await until(() => server.requests[0]?.aborted === true);
  expect(server.requests[0]?.finished).toBe(false);
});
