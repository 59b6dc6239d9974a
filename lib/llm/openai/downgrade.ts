import { APIError } from "openai";
import type { RequestShape } from "./request-shape";

// The statuses servers answer a request they cannot take with: 400, or 422 from FastAPI-based servers.
const REFUSAL_STATUSES = new Set([400, 422]);

const FORMAT_WORDS = /response_format|json_schema|json_object|\bstrict\b/;
const LADDER: Record<RequestShape["responseFormat"], RequestShape["responseFormat"] | undefined> = {
  json_schema: "json_object",
  json_object: "none",
  none: undefined,
};

/**
 * The lesser shape to retry with when `error` is a server refusing part of `shape`, naming what it refuses
 * ("response_format json_schema is not supported", "Unrecognized request argument supplied: prompt_cache_key",
 * pydantic's "Extra inputs are not permitted" with the field's name). Undefined: a real error (context length,
 * a bad key, a refusal of something already dropped), to be thrown as it is.
 */
export function downgradeFor(shape: RequestShape, error: unknown): RequestShape | undefined {
  if (!(error instanceof APIError) || error.status === undefined || !REFUSAL_STATUSES.has(error.status)) return undefined;
  const text = errorText(error);
  const next: RequestShape = { ...shape };
  if (shape.promptCacheKey && text.includes("prompt_cache_key")) next.promptCacheKey = false;
  if (shape.streamOptions && /stream_options|include_usage/.test(text)) next.streamOptions = false;
  // The format steps down once per refusal: json_object may still work where json_schema did not.
  if (FORMAT_WORDS.test(text)) next.responseFormat = LADDER[shape.responseFormat] ?? shape.responseFormat;
  const changed =
    next.promptCacheKey !== shape.promptCacheKey ||
    next.streamOptions !== shape.streamOptions ||
    next.responseFormat !== shape.responseFormat;
  return changed ? next : undefined;
}

/** The message and the error body's fields (`param` may be the only place naming the field). */
function errorText(error: APIError): string {
  return `${error.message} ${JSON.stringify(error.error ?? null)}`.toLowerCase();
}
