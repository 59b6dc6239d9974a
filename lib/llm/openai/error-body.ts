import type { ClientOptions } from "openai";

type Fetch = NonNullable<ClientOptions["fetch"]>;

/**
 * The SDK reads an error's text only from an `{"error": …}` body. FastAPI-based servers answer
 * `{"detail": [{"loc": ["body", "prompt_cache_key"], "msg": "Extra inputs are not permitted"}]}` and older vLLM
 * `{"object": "error", "message": …}`, which would surface as "422 status code (no body)" and hide the field the
 * server refused. This wraps such bodies of a 400 or 422 in `{"error": …}`; everything else passes untouched.
 */
export function withReadableErrorBodies(inner: Fetch = (input, init) => fetch(input, init)): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 400 && response.status !== 422) return response;
    const text = await response.text();
    const headers = new Headers(response.headers);
    // The body is re-encoded below: the old length and encoding no longer describe it.
    headers.delete("content-length");
    headers.delete("content-encoding");
    return new Response(wrapErrorBody(text), { status: response.status, statusText: response.statusText, headers });
  };
}

export function wrapErrorBody(text: string): string {
  const parsed = parseJson(text);
  if (parsed === undefined) return text; // not JSON: the SDK already uses the raw text as the message
  const isObject = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  if (isObject && "error" in parsed) return text;
  const error = isObject && typeof (parsed as { message?: unknown }).message === "string" ? parsed : { message: text };
  return JSON.stringify({ error });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
