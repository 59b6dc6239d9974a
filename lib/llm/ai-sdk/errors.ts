import { APICallError, RetryError } from "ai";

/**
 * An SDK failure as the pipeline reports it: the last attempt's error rather than the retry wrapper, with
 * its HTTP status as `status` (the SDK calls it `statusCode`; the pipeline and the openai SDK say `status`).
 */
export function modelError(error: unknown): Error {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const status = statusOf(last);
  const message = last instanceof Error ? last.message : String(last);
  const normalized = new Error(message, { cause: error });
  return status === undefined ? normalized : Object.assign(normalized, { status });
}

function statusOf(error: unknown): number | undefined {
  if (APICallError.isInstance(error)) return error.statusCode;
  // Gateway errors carry statusCode too, without being APICallErrors.
  if (error && typeof error === "object" && "statusCode" in error && typeof error.statusCode === "number") return error.statusCode;
  return undefined;
}
