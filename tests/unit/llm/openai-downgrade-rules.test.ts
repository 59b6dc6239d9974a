import { APIError, APIUserAbortError } from "openai";
import { describe, expect, it } from "vitest";
import { downgradeFor } from "@/lib/llm/openai/downgrade";
import { FULL_SHAPE, type RequestShape } from "@/lib/llm/openai/request-shape";

// Which server answers count as "I do not support that part of the request", and what is dropped for each.
function refusal(status: number, body: unknown): APIError {
  return APIError.generate(status, body as object, undefined, new Headers());
}
const withMessage = (message: string, param: string | null = null) => ({ error: { message, type: "invalid_request_error", param, code: null } });

describe("downgradeFor", () => {
  it.each([
    ["llama.cpp-style", "response_format json_schema is not supported", "json_object"],
    ["strict mode", "'strict' is not supported for this model", "json_object"],
    ["json_object refused", "response_format type json_object is not supported", "json_object"],
  ])("steps the format down on a %s refusal", (_label, message, expected) => {
    expect(downgradeFor(FULL_SHAPE, refusal(400, withMessage(message)))?.responseFormat).toBe(expected);
  });

  it("steps json_object down to no response_format", () => {
    const shape: RequestShape = { ...FULL_SHAPE, responseFormat: "json_object" };
    expect(downgradeFor(shape, refusal(400, withMessage("Invalid value: 'json_object'", "response_format")))?.responseFormat).toBe("none");
  });

  it("finds the field in `param` when the message does not name it", () => {
    expect(downgradeFor(FULL_SHAPE, refusal(400, withMessage("Unsupported value", "response_format")))?.responseFormat).toBe("json_object");
  });

  it("drops the fields an unknown-argument refusal names, and nothing else", () => {
    expect(downgradeFor(FULL_SHAPE, refusal(400, withMessage("Unrecognized request argument supplied: prompt_cache_key")))).toEqual({
      ...FULL_SHAPE,
      promptCacheKey: false,
    });
    expect(downgradeFor(FULL_SHAPE, refusal(400, withMessage("stream_options: extra fields not permitted")))).toEqual({
      ...FULL_SHAPE,
      streamOptions: false,
    });
  });

  it("reads pydantic's 422 detail (once the body is readable) and drops every field it lists", () => {
    const detail = JSON.stringify([
      { loc: ["body", "prompt_cache_key"], msg: "Extra inputs are not permitted" },
      { loc: ["body", "stream_options"], msg: "Extra inputs are not permitted" },
    ]);
    expect(downgradeFor(FULL_SHAPE, refusal(422, { error: { message: detail } }))).toEqual({
      responseFormat: "json_schema",
      promptCacheKey: false,
      streamOptions: false,
    });
  });

  it("leaves real errors alone", () => {
    expect(downgradeFor(FULL_SHAPE, refusal(400, withMessage("This model's maximum context length is 8192 tokens")))).toBeUndefined();
    expect(downgradeFor(FULL_SHAPE, refusal(401, withMessage("Incorrect API key; prompt_cache_key")))).toBeUndefined();
    expect(downgradeFor(FULL_SHAPE, refusal(500, withMessage("response_format crashed the server")))).toBeUndefined();
    expect(downgradeFor(FULL_SHAPE, new APIUserAbortError())).toBeUndefined();
    expect(downgradeFor(FULL_SHAPE, new Error("response_format"))).toBeUndefined();
  });

  it("gives up once the named part is already gone", () => {
    const bare: RequestShape = { responseFormat: "none", promptCacheKey: false, streamOptions: false };
    expect(downgradeFor(bare, refusal(400, withMessage("response_format json_schema is not supported")))).toBeUndefined();
    expect(downgradeFor(bare, refusal(400, withMessage("Unrecognized request argument supplied: prompt_cache_key")))).toBeUndefined();
  });
});
