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

// Candidate lines as the app's prompt writes them: one JSON object per line, with an "id".
const PROMPT_WITH_CANDIDATES = ["Rank these.", "CANDIDATES:", ...CANDIDATE_IDS.map((id) => JSON.stringify({ id, name: `Product ${id}` }))].join("\n");

async function post(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, { method: "POST", body: JSON.stringify({ model: "fake-model", stream: true, ...body }) });
}

/** The SSE `data:` payloads of a whole response, parsed (without the final [DONE]). */
interface SseEvent {
  choices: { delta: { content?: string }; finish_reason: string | null }[];
  usage?: Record<string, unknown>;
}

async function events(response: Response): Promise<SseEvent[]> {
  const lines = (await response.text()).split("\n").filter((line) => line.startsWith("data: ") && line !== "data: [DONE]");
  return lines.map((line) => JSON.parse(line.slice("data: ".length)) as never);
}

const content = (parsed: SseEvent[]) => parsed.map((event) => event.choices[0]?.delta.content ?? "").join("");

describe("fake OpenAI server: refusing features", () => {
  it.each([
    ["json_schema", { response_format: rankingFormat }, "response_format json_schema is not supported"],
    ["json_object", { response_format: { type: "json_object" } }, "response_format json_object is not supported"],
    ["prompt_cache_key", { prompt_cache_key: "k" }, "Unrecognized request argument supplied: prompt_cache_key"],
    ["stream_options", { stream_options: { include_usage: true } }, "Unrecognized request argument supplied: stream_options"],
  ] as const)("answers a request using a refused %s with a 400 naming it", async (feature, fields, message) => {
    server.setScenario({ kind: "rank", refuse: [feature] });

    const response = await post({ messages: [{ role: "user", content: PROMPT_WITH_CANDIDATES }], ...fields });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toContain(message);
    expect(body.error.type).toBe("invalid_request_error");
    expect(onlyRequest().body).toMatchObject(fields);
  });

  it("answers a request that does not use the refused feature as usual", async () => {
    server.setScenario({ kind: "rank", refuse: ["json_schema", "prompt_cache_key"] });

    const response = await post({ messages: [{ role: "user", content: PROMPT_WITH_CANDIDATES }] });

    expect(response.status).toBe(200);
    expect(JSON.parse(content(await events(response)))).toMatchObject({ products: CANDIDATE_IDS.map((id) => ({ id })) });
  });

  it("refuses at server level whatever the scenario, through the SDK as a BadRequestError", async () => {
    const strict = await startFakeOpenAIServer({ port: 0, refuse: ["json_schema"] });
    try {
      const strictClient = new OpenAI({ apiKey: "test", baseURL: strict.url, maxRetries: 0 });
      const error = await strictClient.chat.completions
        .create({ model: "fake-model", stream: true, messages: [{ role: "user", content: "Rank" }], response_format: rankingFormat })
        .then(
          () => undefined,
          (e: unknown) => e,
        );

      expect((error as APIError).status).toBe(400);
      expect((error as APIError).message).toContain("json_schema is not supported");
    } finally {
      await strict.close();
    }
  });
});

describe("fake OpenAI server: rank scenario options", () => {
  it("finds the candidate ids in the prompt under json_object or no response_format", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0 });
    for (const format of [{ response_format: { type: "json_object" } }, {}]) {
      const response = await post({ messages: [{ role: "system", content: "JSON only" }, { role: "user", content: PROMPT_WITH_CANDIDATES }], ...format });
      const parsed = JSON.parse(content(await events(response))) as { products: { id: string }[] };
      expect(parsed.products.map((p) => p.id)).toEqual(CANDIDATE_IDS);
    }
  });

  it("answers 400 when neither the schema nor the prompt holds candidate ids", async () => {
    const response = await post({ messages: [{ role: "user", content: "Rank something" }] });
    expect(response.status).toBe(400);
  });

  it("writes only the first `count` elements, then closes the array", async () => {
    server.setScenario({ kind: "rank", count: 2, firstDelayMs: 0, gapMs: 0 });

    const text = await collectContent(await createRankingStream());

    expect(JSON.parse(text)).toEqual({ products: CANDIDATE_IDS.slice(0, 2).map((id) => ({ id, reason: "Picked by the fake model" })) });
    expect(onlyRequest().elementBeginTimes).toHaveLength(2);
    expect(onlyRequest().elementCloseTimes).toHaveLength(2);
  });

  it("writes every chunk after the one that begins the `slowAfter.elements`-th element `slowAfter.gapMs` apart", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0, chunkSize: 8, slowAfter: { elements: 2, gapMs: 60 } });

    const text = await collectContent(await createRankingStream());

    expect(JSON.parse(text).products).toHaveLength(3);
    const { chunkTimes, elementBeginTimes } = onlyRequest();
    const slowFrom = chunkTimes.indexOf(elementBeginTimes[1]!);
    expect(slowFrom).toBeGreaterThan(0);
    // Timers never fire early: each later chunk is at least the slow gap after the one before.
    for (let i = slowFrom + 1; i < chunkTimes.length; i++) expect(chunkTimes[i]! - chunkTimes[i - 1]!).toBeGreaterThanOrEqual(59);
  });
});

describe("fake OpenAI server: usage", () => {
  it("ends with a usage chunk with no choices when the request asks, with estimated figures", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0 });

    const parsed = await events(await post({ response_format: rankingFormat, messages: [{ role: "user", content: "Rank" }], stream_options: { include_usage: true } }));

    const last = parsed.at(-1)!;
    expect(last.choices).toEqual([]);
    const text = content(parsed);
    expect(last.usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: Math.ceil(text.length / 4),
      total_tokens: expect.any(Number),
    });
    expect(last.usage?.prompt_tokens).toBeGreaterThan(10);
    expect(parsed.filter((event) => event.usage !== undefined)).toHaveLength(1);
  });

  it("sends no usage unasked, unless forced with usage: true", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0 });
    const unasked = await events(await post({ response_format: rankingFormat, messages: [] }));
    expect(unasked.some((event) => event.usage !== undefined)).toBe(false);

    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0, usage: true });
    const forced = await events(await post({ response_format: rankingFormat, messages: [] }));
    expect(forced.at(-1)?.usage).toBeDefined();
  });

  it("never sends usage with usage: false, even when asked", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0, usage: false });
    const parsed = await events(await post({ response_format: rankingFormat, messages: [], stream_options: { include_usage: true } }));
    expect(parsed.some((event) => event.usage !== undefined)).toBe(false);
  });

  it("reports the given figures, cached tokens as prompt_tokens_details, through the SDK", async () => {
    server.setScenario({ kind: "rank", usage: { prompt_tokens: 900, completion_tokens: 40, cached_tokens: 768 } });

    const stream = await client.chat.completions.create({
      model: "fake-model",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "Rank" }],
      response_format: rankingFormat,
    });
    const usages = [];
    for await (const chunk of stream) if (chunk.usage) usages.push(chunk.usage);

    expect(usages).toEqual([{ prompt_tokens: 900, completion_tokens: 40, total_tokens: 940, prompt_tokens_details: { cached_tokens: 768 } }]);
  });

  it("puts the usage on the finish chunk with usageOnFinishChunk (llama.cpp)", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0, usage: true, usageOnFinishChunk: true });

    const parsed = await events(await post({ response_format: rankingFormat, messages: [] }));

    const last = parsed.at(-1)!;
    expect(last.choices[0]?.finish_reason).toBe("stop");
    expect(last.usage).toBeDefined();
    expect(parsed.filter((event) => event.usage !== undefined)).toHaveLength(1);
  });
});

describe("fake OpenAI server: where the client stopped", () => {
  it("records how many elements had begun when the client aborted, e.g. as the 25th element begins", async () => {
    const ids = Array.from({ length: 30 }, (_, i) => String(i + 1));
    // Elements of ~25 characters in chunks of 8: one opening brace per chunk at most, several chunks apart.
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 10, chunkSize: 8, reason: "r" });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      {
        model: "fake-model",
        stream: true,
        messages: [{ role: "user", content: "Rank" }],
        response_format: { type: "json_schema", json_schema: { name: RESPONSE_SCHEMA_NAME, strict: true, schema: rankingResponseSchema(ids) } },
      },
      { signal: controller.signal },
    );

    // Stop as soon as the 25th element's opening brace arrives (each element's `{` follows `[` or `,`).
    let text = "";
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if ((text.match(/[[,]\{/g) ?? []).length >= 25) controller.abort();
    }

    await waitFor(() => server.requests[0]?.aborted === true);
    const request = onlyRequest();
    expect(request.elementsBegunAtClose).toBe(25);
    expect(request.elementCloseTimes).toHaveLength(24);
    expect(request.elementBeginTimes).toHaveLength(25);
  });

  it("leaves elementsBegunAtClose null for a response that finished", async () => {
    await collectContent(await createRankingStream());
    expect(onlyRequest().elementsBegunAtClose).toBeNull();
    expect(onlyRequest().elementBeginTimes).toHaveLength(3);
  });
});

describe("fake OpenAI server: hostile models among healthy ones, and responses open at once", () => {
  const rankingBody = { messages: [{ role: "user", content: "Rank" }], response_format: rankingFormat };

  it("answers every n-th request with the next hostile scenario in turn, and records which", async () => {
    server.setScenario({
      kind: "mixed",
      healthy: { kind: "rank", firstDelayMs: 0, gapMs: 0 },
      every: 2,
      hostile: [
        { kind: "status", status: 500 },
        { kind: "rank", firstDelayMs: 0, gapMs: 0, inventedIds: ["999"], inventedAt: 1 },
      ],
    });

    const statuses: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await post(rankingBody);
      statuses.push(response.status);
      texts.push(response.status === 200 ? content(await events(response)) : await response.text());
    }

    expect(statuses).toEqual([200, 500, 200, 200, 200, 500]);
    expect(server.requests.map((request) => request.hostileIndex)).toEqual([null, 0, null, 1, null, 0]);
    // The invented id sits among the valid ones, before the valid element at index 1.
    expect((JSON.parse(texts[3] ?? "") as { products: { id: string }[] }).products.map((p) => p.id)).toEqual(["1", "999", "2", "3"]);
    expect((JSON.parse(texts[2] ?? "") as { products: { id: string }[] }).products.map((p) => p.id)).toEqual(CANDIDATE_IDS);
  });

  it("fails an SDK retry of a request it failed again, without counting it", async () => {
    server.setScenario({ kind: "mixed", healthy: { kind: "rank", firstDelayMs: 0, gapMs: 0 }, every: 2, hostile: [{ kind: "status", status: 500 }] });
    const retrying = new OpenAI({ apiKey: "test", baseURL: server.url, maxRetries: 1 });
    const attempt = () =>
      retrying.chat.completions
        .create({ model: "fake-model", stream: true, messages: [{ role: "user", content: "Rank" }], response_format: rankingFormat })
        .then(collectContent, (error: unknown) => error);

    expect(typeof (await attempt())).toBe("string");
    const failed = await attempt();
    expect(failed).toBeInstanceOf(APIError);
    expect((failed as APIError).status).toBe(500);
    expect(typeof (await attempt())).toBe("string");

    // The failed request and its retry, both 500; the retry is not counted, so the third request is healthy.
    expect(server.requests.map((request) => [request.hostileIndex, request.headers["x-stainless-retry-count"]])).toEqual([
      [null, "0"],
      [0, "0"],
      [0, "1"],
      [null, "0"],
    ]);
  });

  it("stalls a rank scenario after `stallAfter` chunks, keeping the connection open", async () => {
    server.setScenario({ kind: "rank", firstDelayMs: 0, gapMs: 0, chunkSize: 5, stallAfter: 2 });
    const controller = new AbortController();
    const stream = await createRankingStream(controller.signal);
    setTimeout(() => controller.abort(), 200);

    expect(await collectContent(stream)).toBe('{"products'); // two chunks of five characters
    await waitFor(() => server.requests[0]?.aborted === true);
    expect(onlyRequest().chunkTimes).toHaveLength(2);
  });

  it("counts the responses open at once, keeps the peak until a reset, and records when each closed", async () => {
    server.setScenario({ kind: "stream", chunks: ["a", "b"], stallAfter: 1 });
    const controllers = [new AbortController(), new AbortController()];
    const streams = await Promise.all(controllers.map((controller) => createRankingStream(controller.signal)));
    await waitFor(() => server.openResponses === 2);
    const base = server.url.replace(/\/v1$/, "");
    expect(await (await fetch(`${base}/__stats`)).json()).toEqual({ requests: 2, openResponses: 2, peakOpenResponses: 2 });
    expect(server.requests.map((request) => request.closedAt)).toEqual([null, null]);

    controllers[0]?.abort();
    await collectContent(streams[0]!);
    await waitFor(() => server.openResponses === 1);
    expect(server.peakOpenResponses).toBe(2);
    expect(server.requests[0]?.closedAt).toBeGreaterThan(server.requests[0]?.receivedAt ?? Infinity);

    server.reset();
    expect(server.peakOpenResponses).toBe(1);
    controllers[1]?.abort();
    await collectContent(streams[1]!);
    await waitFor(() => server.openResponses === 0);
    expect(server.peakOpenResponses).toBe(1);
  });

  it("accepts a mixed scenario over the control endpoint and refuses a malformed one", async () => {
    const base = server.url.replace(/\/v1$/, "");
    const set = (scenario: unknown) => fetch(`${base}/__scenario`, { method: "POST", body: JSON.stringify(scenario) });
    expect((await set({ kind: "mixed", healthy: { kind: "rank" }, every: 10, hostile: [{ kind: "status", status: 500 }] })).status).toBe(200);
    expect((await set({ kind: "mixed", healthy: { kind: "rank" }, every: 0, hostile: [{ kind: "status", status: 500 }] })).status).toBe(400);
    expect((await set({ kind: "mixed", healthy: { kind: "mixed" }, every: 2, hostile: [{ kind: "rank" }] })).status).toBe(400);
    expect((await set({ kind: "mixed", healthy: { kind: "rank" }, every: 2, hostile: [] })).status).toBe(400);
  });
});
