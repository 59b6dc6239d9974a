import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { RankingRequest } from "../types";

/**
 * What one request asks of the server beyond the prompt. Every OpenAI-compatible server takes the bare
 * minimum; the full shape is what OpenAI itself takes (docs/architecture.md §2), and servers that refuse a part get less.
 */
export interface RequestShape {
  responseFormat: "json_schema" | "json_object" | "none";
  promptCacheKey: boolean;
  streamOptions: boolean;
}

export const FULL_SHAPE: RequestShape = { responseFormat: "json_schema", promptCacheKey: true, streamOptions: true };

export function sameShape(a: RequestShape, b: RequestShape): boolean {
  return a.responseFormat === b.responseFormat && a.promptCacheKey === b.promptCacheKey && a.streamOptions === b.streamOptions;
}

/** The Chat Completions body for this shape. Under json_object or none the prompt alone carries the shape and the ids. */
export function buildRequestBody(request: RankingRequest, model: string, shape: RequestShape): ChatCompletionCreateParamsStreaming {
  return {
    model,
    stream: true,
    // Only role and content: our own marks (cacheBreakpoint) are no field of the API, and strict servers refuse them.
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    ...responseFormat(request, shape),
    ...(shape.promptCacheKey ? { prompt_cache_key: request.cacheKey } : {}),
    ...(shape.streamOptions ? { stream_options: { include_usage: true } } : {}),
  };
}

function responseFormat(request: RankingRequest, shape: RequestShape): Pick<ChatCompletionCreateParamsStreaming, "response_format"> {
  if (shape.responseFormat === "json_object") return { response_format: { type: "json_object" } };
  if (shape.responseFormat === "none") return {};
  return {
    response_format: {
      type: "json_schema",
      json_schema: { name: request.schemaName, strict: true, schema: request.responseSchema },
    },
  };
}
