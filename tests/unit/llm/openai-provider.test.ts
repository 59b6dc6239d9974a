import { APIError } from "openai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOpenAIProvider } from "@/lib/llm/openai/provider";
import type { Scenario } from "@/tests/support/fake-openai-server";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";
import { collect, freshModel, rankedIds, rankingRequest, until } from "@/tests/support/provider-request";

// The openai provider on its own (provider.stream, no pipeline) against a local OpenAI-compatible server.
const server = fakeOpenAIServerPerFile();
afterEach(() => {
  vi.restoreAllMocks();
});

function providerFor(scenario: Scenario, model = freshModel()) {
  server.setScenario(scenario);
  return createOpenAIProvider({ apiKey: "test-key", baseURL: server.url, model });
}

describe("openai provider: the request", () => {
  it("asks for a streamed answer under the strict schema, with the cache key and a usage report", async () => {
    const provider = providerFor({ kind: "rank" });
    const request = rankingRequest(["1", "2", "3"]);
    await collect(provider, request);

    expect(server.requests).toHaveLength(1);
    const { body, headers } = server.requests[0]!;
    expect(body).toMatchObject({
      model: provider.model,
      stream: true,
      stream_options: { include_usage: true },
      prompt_cache_key: request.cacheKey,
      response_format: {
        type: "json_schema",
        json_schema: { name: request.schemaName, strict: true, schema: request.responseSchema },
      },
    });
    expect(body.response_format.json_schema.schema.properties.products.items.properties.id.enum).toEqual(["1", "2", "3"]);
    expect(headers.authorization).toBe("Bearer test-key");
  });

  it("sends each message as role and content only: the cache breakpoint mark is ours, not the API's", async () => {
    const request = rankingRequest();
    await collect(providerFor({ kind: "rank" }), request);

    expect(server.requests[0]?.body.messages).toEqual(request.messages.map(({ role, content }) => ({ role, content })));
  });
});

describe("openai provider: the answer", () => {
  it("yields the model's text as it streams, in order", async () => {
    const { text, chunks } = await collect(providerFor({ kind: "rank", reverse: true, chunkSize: 7 }), rankingRequest(["1", "2", "3"]));

    expect(rankedIds(text)).toEqual(["3", "2", "1"]);
    expect(chunks.filter((chunk) => typeof chunk === "string").length).toBeGreaterThan(3);
  });

  it("yields the server's usage once, last, with the cached input tokens", async () => {
    const { usages, chunks } = await collect(
      providerFor({ kind: "rank", usage: { prompt_tokens: 1200, completion_tokens: 80, cached_tokens: 1024 } }),
      rankingRequest(),
    );

    expect(usages).toEqual([{ inputTokens: 1200, cachedInputTokens: 1024, outputTokens: 80 }]);
    expect(chunks.at(-1)).toEqual({ type: "usage", usage: usages[0] });
  });

  it("reports the cached input tokens as unknown (null) when the server gives no details, as Ollama does", async () => {
    const { usages, text } = await collect(providerFor({ kind: "rank" }), rankingRequest());

    expect(usages).toHaveLength(1);
    expect(usages[0]?.cachedInputTokens).toBeNull();
    expect(usages[0]?.inputTokens).toBeGreaterThan(0);
    expect(usages[0]?.outputTokens).toBe(Math.ceil(text.length / 4));
  });

  it("takes usage sent unasked on the last content chunk (llama.cpp)", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {}); // the stream_options downgrade is logged
    const provider = providerFor({
      kind: "rank",
      usage: true,
      usageOnFinishChunk: true,
      refuse: ["stream_options"],
    });
    const { usages } = await collect(provider, rankingRequest());

    expect(usages).toHaveLength(1);
    expect(server.requests.at(-1)?.body.stream_options).toBeUndefined();
  });

  it("yields no usage when the server reports none", async () => {
    const { usages, text } = await collect(providerFor({ kind: "rank", usage: false }), rankingRequest());

    expect(usages).toEqual([]);
    expect(rankedIds(text)).toEqual(["1", "2", "3"]);
  });
});

describe("openai provider: stopping", () => {
  it("aborts the HTTP request when the signal aborts mid-stream, and reports no usage", async () => {
    const provider = providerFor({ kind: "rank", gapMs: 30 });
    const leave = new AbortController();
    const seen: unknown[] = [];
    const reading = (async () => {
      for await (const chunk of provider.stream(rankingRequest(), leave.signal)) {
        seen.push(chunk);
        leave.abort();
      }
    })();
    // The SDK may end the iteration quietly or throw an abort error; either way the reading stops.
    await reading.catch(() => {});

    expect(seen).toHaveLength(1);
    await until(() => server.requests[0]?.aborted === true);
    expect(server.requests[0]?.finished).toBe(false);
  });

  it("aborts a stalled stream when the signal aborts", async () => {
    const provider = providerFor({ kind: "stream", chunks: ['{"products":[', '{"id":"1"'], stallAfter: 1 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 150);

    const { text } = await collect(provider, rankingRequest(), stop.signal).catch(() => ({ text: "(threw)" }));

    expect(['{"products":[', "(threw)"]).toContain(text);
    await until(() => server.requests[0]?.aborted === true);
  });

  it("throws an aborted request before it starts, without asking the server", async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(collect(providerFor({ kind: "rank" }), rankingRequest(), stop.signal)).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });
});

describe("openai provider: errors", () => {
  it("throws the server's error on HTTP 500", async () => {
    const error = await collect(providerFor({ kind: "status", status: 500 }), rankingRequest()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(500);
  });

  it("throws at once on HTTP 429 with Retry-After: 0, after one retry at most", async () => {
    const started = performance.now();
    const error = await collect(providerFor({ kind: "status", status: 429, headers: { "retry-after": "0" } }), rankingRequest()).catch(
      (e: unknown) => e,
    );

    expect((error as APIError).status).toBe(429);
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("yields no text from a body that is not an event stream", async () => {
    const result = await collect(providerFor({ kind: "garbage", text: "<html>upstream error</html>" }), rankingRequest()).catch(
      () => undefined,
    );

    expect(result?.text ?? "").toBe("");
  });
});
