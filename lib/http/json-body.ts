import type { z } from "zod";
import type { HeaderReader } from "./action-guard";

// A JSON API's body, read defensively: declared or not, never more than the route's limit is read (a 1 MB
// body is refused after its first bytes), and it must be JSON of the route's shape.

export type JsonBody<T> = { ok: true; value: T } | { ok: false; status: 400 | 411 | 413 | 415; error: string };

/** A request as far as reading its body goes: a fetch `Request`, or a Node request's headers and chunks. */
export interface BodyRequest {
  headers: HeaderReader;
  body: ReadableStream<Uint8Array> | Iterable<Uint8Array> | AsyncIterable<Uint8Array> | null;
}

const utf8 = new TextDecoder();

async function readCapped(body: BodyRequest["body"], maxBytes: number): Promise<string | undefined> {
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  // Node's ReadableStream is async iterable (the DOM typings, shared with the browser, do not say so).
  // Leaving the loop early cancels a fetch body's stream, so no more of it is read.
  for await (const chunk of body as Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return utf8.decode(Buffer.concat(chunks));
}

/**
 * The request's JSON body checked against `schema`, or the 4xx to answer with and why. `text/plain` is taken
 * only where a route says so: a beacon's body is sent as text (Chrome refuses a JSON Blob to sendBeacon,
 * crbug.com/490015).
 */
export async function readJsonBody<T>(request: BodyRequest, schema: z.ZodType<T>, maxBytes: number, options: { plainText?: boolean } = {}): Promise<JsonBody<T>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && !(options.plainText && type === "text/plain")) return { ok: false, status: 415, error: "Send JSON (content-type: application/json)." };
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return { ok: false, status: 413, error: `A body may be at most ${Math.floor(maxBytes / 1024)} KB.` };
  const text = await readCapped(request.body, maxBytes);
  if (text === undefined) return { ok: false, status: 413, error: `A body may be at most ${Math.floor(maxBytes / 1024)} KB.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, error: "The body is not valid JSON." };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, error: issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "The body is not valid." };
  }
  return { ok: true, value: parsed.data };
}
