import { APIError } from "openai";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createOpenAIProvider } from "@/lib/llm/openai/provider";
import { startFakeOpenAIServer, type Scenario } from "@/tests/support/fake-openai-server";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";
import { collect, freshModel, rankedIds, rankingRequest } from "@/tests/support/provider-request";

// Servers that refuse structured output or unknown fields get a lesser request, and the next request to the
// same server and model goes straight to what worked.
const server = fakeOpenAIServerPerFile();
let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function providerFor(scenario: Scenario, model = freshModel()) {
  server.setScenario(scenario.kind === "rank" ? { firstDelayMs: 0, gapMs: 0, ...scenario } : scenario);
  return createOpenAIProvider({ apiKey: "test-key", baseURL: server.url, model });
}

const formats = () => server.requests.map((request) => request.body.response_format?.type ?? "none");
const downgradeLogs = () =>
  warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>).filter((entry) => entry.event === "downgraded");

describe("openai provider: the response_format ladder", () => {
  it("retries a server that refuses json_schema with json_object, and still yields the model's text", async () => {
    const { text } = await collect(providerFor({ kind: "rank", refuse: ["json_schema"] }), rankingRequest(["1", "2", "3"]));

    expect(formats()).toEqual(["json_schema", "json_object"]);
    expect(rankedIds(text)).toEqual(["1", "2", "3"]);
  });

  it("retries a server that refuses json_object too with no response_format", async () => {
    const { text, usages } = await collect(providerFor({ kind: "rank", refuse: ["json_schema", "json_object"] }), rankingRequest(["1", "2", "3"]));

    expect(formats()).toEqual(["json_schema", "json_object", "none"]);
    expect(server.requests[2]?.body).not.toHaveProperty("response_format");
    // Only the format stepped down: the cache key and the usage report are still asked for.
    expect(server.requests[2]?.body).toMatchObject({ prompt_cache_key: "aisle-test-1-2-3", stream_options: { include_usage: true } });
    expect(rankedIds(text)).toEqual(["1", "2", "3"]);
    expect(usages).toHaveLength(1);
  });

  it("goes straight to what worked on the next request to the same server and model, and logs the downgrade once", async () => {
    const model = freshModel();
    const refusing: Scenario = { kind: "rank", refuse: ["json_schema", "json_object"] };
    await collect(providerFor(refusing, model), rankingRequest());
    server.reset();

    // A new provider (as another route's bundle would make) shares what was learnt: it is process-wide.
    const { text } = await collect(providerFor(refusing, model), rankingRequest());

    expect(formats()).toEqual(["none"]);
    expect(rankedIds(text)).toEqual(["1", "2", "3"]);
    expect(downgradeLogs()).toHaveLength(1);
    expect(downgradeLogs()[0]).toMatchObject({ scope: "openai", event: "downgraded", model, baseURL: server.url, responseFormat: "none", dropped: [] });
  });

  it("remembers per model: another model on the same server starts from json_schema", async () => {
    await collect(providerFor({ kind: "rank", refuse: ["json_schema"] }), rankingRequest());
    server.reset();

    await collect(providerFor({ kind: "rank" }), rankingRequest());

    expect(formats()).toEqual(["json_schema"]);
  });
});

describe("openai provider: optional fields", () => {
  it("drops prompt_cache_key for a server that refuses it, and keeps the rest", async () => {
    const { text } = await collect(providerFor({ kind: "rank", refuse: ["prompt_cache_key"] }), rankingRequest());

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.body).toHaveProperty("prompt_cache_key");
    expect(server.requests[1]?.body).not.toHaveProperty("prompt_cache_key");
    expect(server.requests[1]?.body.response_format.type).toBe("json_schema");
    expect(rankedIds(text)).toEqual(["1", "2", "3"]);
    expect(downgradeLogs()[0]).toMatchObject({ responseFormat: "json_schema", dropped: ["prompt_cache_key"] });
  });

  it("drops stream_options for a server that refuses it; no usage then, unless the server sends it anyway", async () => {
    const quiet = await collect(providerFor({ kind: "rank", refuse: ["stream_options"] }), rankingRequest());
    expect(server.requests[1]?.body).not.toHaveProperty("stream_options");
    expect(quiet.usages).toEqual([]);

    server.reset();
    const unasked = await collect(providerFor({ kind: "rank", refuse: ["stream_options"], usage: true }), rankingRequest());
    expect(server.requests[1]?.body).not.toHaveProperty("stream_options");
    expect(unasked.usages).toHaveLength(1);
  });

  it("steps down through several refusals of one server, one at a time", async () => {
    server.setScenario({ kind: "rank" });
    const refusing = await startFakeOpenAIServer({ port: 0, refuse: ["json_schema", "prompt_cache_key", "stream_options"] });
    try {
      const provider = createOpenAIProvider({ apiKey: "k", baseURL: refusing.url, model: freshModel() });
      const { text } = await collect(provider, rankingRequest());

      expect(refusing.requests).toHaveLength(4);
      expect(refusing.requests[3]?.body).toMatchObject({ response_format: { type: "json_object" } });
      expect(refusing.requests[3]?.body).not.toHaveProperty("prompt_cache_key");
      expect(refusing.requests[3]?.body).not.toHaveProperty("stream_options");
      expect(rankedIds(text)).toEqual(["1", "2", "3"]);
      expect(downgradeLogs()).toHaveLength(1);
    } finally {
      await refusing.close();
    }
  });

  it("reads a FastAPI-style 422 naming the field, and drops that field", async () => {
    const detail = [{ type: "extra_forbidden", loc: ["body", "prompt_cache_key"], msg: "Extra inputs are not permitted" }];
    const error = await collect(providerFor({ kind: "status", status: 422, body: { detail } }), rankingRequest()).catch((e: unknown) => e);

    // The scripted server refuses every request the same way: the field is dropped once, then the error stands.
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).not.toHaveProperty("prompt_cache_key");
    expect((error as APIError).status).toBe(422);
    expect((error as APIError).message).toContain("Extra inputs are not permitted");
  });
});

describe("openai provider: real errors", () => {
  it("throws a 400 about something else (the context length) as it is, without retrying or remembering", async () => {
    const body = {
      error: {
        message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
        type: "invalid_request_error",
        param: "messages",
        code: "context_length_exceeded",
      },
    };
    const error = await collect(providerFor({ kind: "status", status: 400, body }), rankingRequest()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).message).toContain("maximum context length");
    expect(server.requests).toHaveLength(1);
    expect(downgradeLogs()).toEqual([]);
  });

  it("throws when even no response_format is refused", async () => {
    const body = { error: { message: "response_format is not supported", type: "invalid_request_error", param: "response_format", code: null } };
    const error = await collect(providerFor({ kind: "status", status: 400, body }), rankingRequest()).catch((e: unknown) => e);

    expect((error as APIError).status).toBe(400);
    expect(formats()).toEqual(["json_schema", "json_object", "none"]);
  });
});
