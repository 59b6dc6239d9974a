import { describe, expect, it } from "vitest";
import { withReadableErrorBodies, wrapErrorBody } from "@/lib/llm/openai/error-body";

// The SDK reads an error's message only from `{"error": …}`; other servers' bodies are wrapped so it can.
describe("wrapErrorBody", () => {
  it("leaves OpenAI-style and plain-text bodies alone", () => {
    const openai = JSON.stringify({ error: { message: "bad", type: "invalid_request_error" } });
    expect(wrapErrorBody(openai)).toBe(openai);
    expect(wrapErrorBody("Bad Request")).toBe("Bad Request");
  });

  it("wraps FastAPI's detail, keeping its text as the message", () => {
    const fastapi = JSON.stringify({ detail: [{ loc: ["body", "prompt_cache_key"], msg: "Extra inputs are not permitted" }] });
    expect(JSON.parse(wrapErrorBody(fastapi))).toEqual({ error: { message: fastapi } });
  });

  it("wraps a top-level error object (older vLLM) as it is", () => {
    const vllm = { object: "error", message: "stream_options is not supported", type: "BadRequestError", code: 400 };
    expect(JSON.parse(wrapErrorBody(JSON.stringify(vllm)))).toEqual({ error: vllm });
  });
});

describe("withReadableErrorBodies", () => {
  const respond = (status: number, body: string) => () => Promise.resolve(new Response(body, { status, headers: { "content-length": String(body.length) } }));

  it("rewrites a 400 or 422 body and keeps the status", async () => {
    const response = await withReadableErrorBodies(respond(422, '{"detail":"nope"}'))("http://x/v1/chat/completions");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { message: '{"detail":"nope"}' } });
    expect(response.headers.get("content-length")).toBeNull();
  });

  it("passes any other response through untouched, stream and all", async () => {
    const original = new Response("data: {}\n\n", { status: 200 });
    expect(await withReadableErrorBodies(() => Promise.resolve(original))("http://x")).toBe(original);
  });
});
