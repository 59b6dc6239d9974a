import { APIUserAbortError, InternalServerError, RateLimitError } from "openai";
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
    // The SDK ends the iteration quietly on an abort: no error, and nothing more, no usage report either.
    await expect(reading).resolves.toBeUndefined();

    expect(seen).toEqual([expect.any(String)]);
    await until(() => server.requests[0]?.aborted === true);
    expect(server.requests[0]?.finished).toBe(false);
  });

  it("aborts a stalled stream when the signal aborts", async () => {
    // The server sends one piece and then nothing, ever: only the abort can end the read.
    const provider = providerFor({ kind: "stream", chunks: ['{"products":[', '{"id":"1"'], stallAfter: 1 });
    const stop = new AbortController();
    const chunks = provider.stream(rankingRequest(), stop.signal)[Symbol.asyncIterator]();
    expect(await chunks.next()).toEqual({ done: false, value: '{"products":[' });
    const stalled = chunks.next();
    stop.abort();

    await expect(stalled).resolves.toEqual({ done: true, value: undefined });
    await until(() => server.requests[0]?.aborted === true);
    expect(server.requests[0]?.finished).toBe(false);
  });

  it("throws an aborted request before it starts, without asking the server", async () => {
    const stop = new AbortController();
    stop.abort();
    const error = await collect(providerFor({ kind: "rank" }), rankingRequest(), stop.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).message).toBe("Request was aborted.");
    expect(server.requests).toHaveLength(0);
  });
});

describe("openai provider: errors", () => {
  it("throws the server's error on HTTP 500", async () => {
    const error = await collect(providerFor({ kind: "status", status: 500 }), rankingRequest()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, message: "500 Fake upstream error (500)" });
  });

  it("throws the server's 429 with Retry-After: 0 after one retry at most, not a long back-off", async () => {
    const error = await collect(providerFor({ kind: "status", status: 429, headers: { "retry-after": "0" } }), rankingRequest()).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, message: "429 Fake upstream error (429)" });
    // The first request and at most one retry: no more waits before the shopper gets the fallback.
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it("yields no text from a body that is not an event stream, and ends without an error", async () => {
    // Nothing to read as JSON: the pipeline then falls back, as for any answer with no products array.
    await expect(collect(providerFor({ kind: "garbage", text: "<html>upstream error</html>" }), rankingRequest())).resolves.toEqual({
      text: "",
      usages: [],
      chunks: [],
    });
    expect(server.requests).toHaveLength(1);
  });
});
