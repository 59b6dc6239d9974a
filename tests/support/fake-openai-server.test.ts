import OpenAI, { APIError } from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RESPONSE_SCHEMA_NAME, rankingResponseSchema } from "@/lib/ranking/pipeline/contract";
import { startFakeOpenAIServer, type FakeOpenAIServer, type RecordedRequest } from "./fake-openai-server";

const CANDIDATE_IDS = ["1", "2", "3"];

// What the app itself sends (lib/ranking/contract.ts): the fake must read the ids where the app puts them.
const rankingFormat = {
  type: "json_schema",
  json_schema: { name: RESPONSE_SCHEMA_NAME, strict: true, schema: rankingResponseSchema(CANDIDATE_IDS) },
} as const;

let server: FakeOpenAIServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ port: 0 });
  client = new OpenAI({ apiKey: "test", baseURL: server.url, maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
  server.setScenario({ kind: "rank" });
});

function createRankingStream(signal?: AbortSignal) {
  return client.chat.completions.create(
    {
      model: "fake-model",
      stream: true,
      messages: [{ role: "user", content: "Rank these products" }],
      response_format: rankingFormat,
    },
    { signal },
  );
}

async function collectContent(stream: AsyncIterable<OpenAI.Chat.ChatCompletionChunk>): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
  return text;
}

function onlyRequest(): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

async function waitFor(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("fake OpenAI server", () => {
  it("ranks the candidate ids from the schema as a streamed JSON object", async () => {
    const text = await collectContent(await createRankingStream());

    const parsed = JSON.parse(text) as { products: { id: string; reason: string }[] };
    expect(parsed.products.map((p) => p.id)).toEqual(CANDIDATE_IDS);
    expect(parsed.products[0]?.reason).toBe("Picked by the fake model");

    const request = onlyRequest();
    expect(request.finished).toBe(true);
    expect(request.aborted).toBe(false);
    expect(request.elementCloseTimes).toHaveLength(3);
    expect(request.chunkTimes.length).toBe(Math.ceil(text.length / 4));
    // Each element closes no earlier than the previous one.
    expect([...request.elementCloseTimes].sort((a, b) => a - b)).toEqual(request.elementCloseTimes);
  });

  it("records the request body, including stream:true and the schema", async () => {
    await collectContent(await createRankingStream());

    const { body, headers } = onlyRequest();
    expect(body.stream).toBe(true);
    expect(body.model).toBe("fake-model");
    expect(body.response_format).toEqual(rankingFormat);
    expect(headers.authorization).toBe("Bearer test");
  });

  it("honours reverse order, custom reasons and chunk sizes", async () => {
    server.setScenario({ kind: "rank", reverse: true, reason: "because", chunkSize: 1000, firstDelayMs: 0 });

    const text = await collectContent(await createRankingStream());

    expect(JSON.parse(text)).toEqual({
      products: [...CANDIDATE_IDS].reverse().map((id) => ({ id, reason: "because" })),
    });
    expect(onlyRequest().chunkTimes).toHaveLength(1);
  });

  it("answers a non-streaming request with the whole content", async () => {
    const completion = await client.chat.completions.create({
      model: "fake-model",
      messages: [{ role: "user", content: "Rank" }],
      response_format: rankingFormat,
    });

    expect(completion.object).toBe("chat.completion");
    const content = completion.choices[0]?.message.content ?? "";
    expect((JSON.parse(content) as { products: unknown[] }).products).toHaveLength(3);
  });

  it("makes the SDK throw an APIError for a 429 status scenario", async () => {
    server.setScenario({
      kind: "status",
      status: 429,
      body: { error: { message: "Slow down", type: "rate_limit_exceeded", code: "rate_limit_exceeded" } },
    });

    const error = await createRankingStream().then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(429);
    expect((error as APIError).message).toContain("Slow down");
  });

  it("keeps a stalled stream open until the client aborts, and records the abort", async () => {
    server.setScenario({ kind: "stream", chunks: ["a", "b", "c"], stallAfter: 1 });
    const controller = new AbortController();
    const stream = await createRankingStream(controller.signal);
    setTimeout(() => controller.abort(), 200);

    const startedAt = Date.now();
    // SDK v6 swallows the AbortError mid-stream: the iterator just ends.
    const text = await collectContent(stream);

    expect(text).toBe("a");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
    await waitFor(() => server.requests[0]?.aborted === true);
    expect(onlyRequest().finished).toBe(false);
  });

  it("ends a stream without [DONE] when asked", async () => {
    server.setScenario({ kind: "stream", chunks: ["x", "y"], endWithoutDone: true });

    const text = await collectContent(await createRankingStream());

    expect(text).toBe("xy");
    expect(onlyRequest().finished).toBe(true);
  });

  it("returns 400 with an OpenAI-style error for a non-JSON body", async () => {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
  });

  it("serves a garbage body with status 200", async () => {
    server.setScenario({ kind: "garbage", text: "<html>oops</html>" });

    const response = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "fake-model", stream: true, messages: [] }),
    });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<html>oops</html>");
  });

  it("lists the fake model", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["fake-model"]);
  });

  it("exposes control endpoints for out-of-process tests", async () => {
    const base = server.url.replace(/\/v1$/, "");
    const set = await fetch(`${base}/__scenario`, {
      method: "POST",
      body: JSON.stringify({ kind: "stream", chunks: ["hello"] }),
    });
    expect(set.status).toBe(200);

    expect(await collectContent(await createRankingStream())).toBe("hello");

    const recorded = (await (await fetch(`${base}/__requests`)).json()) as RecordedRequest[];
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.body.stream).toBe(true);
    expect(recorded[0]?.chunkTimes).toHaveLength(1);

    expect((await fetch(`${base}/__reset`, { method: "POST" })).status).toBe(200);
    expect(server.requests).toHaveLength(0);

    const invalid = await fetch(`${base}/__scenario`, { method: "POST", body: JSON.stringify({ kind: "nope" }) });
    expect(invalid.status).toBe(400);
  });
});
