import type { IncomingMessage, ServerResponse } from "node:http";
import type { JsonReply } from "./json-answers";
import type { BodyRequest } from "./json-body";
import { API_CONTENT_SECURITY_POLICY, HSTS, STATIC_SECURITY_HEADERS } from "./security-headers";

type ReplyRoute = (request: BodyRequest & { url: string }) => Promise<JsonReply>;

// What next.config.js adds to every /api answer, as Node's flat header list.
const API_HEADERS = [...Object.entries(STATIC_SECURITY_HEADERS).flat(), "content-security-policy", API_CONTENT_SECURITY_POLICY];

/**
 * How much of a body past the limit is still read, and thrown away, before the refusal is sent: a client that
 * writes its whole body before it reads (Python's http.client, many scripts) then gets the 413 instead of a
 * broken pipe, as from a server that lingers before it closes (nginx's lingering close). Past either bound
 * the connection is closed after the answer.
 */
const DISCARD_AT_MOST = { bytes: 8 * 1024 * 1024, ms: 5_000 };

/** The body's chunks, read until it ends or just past `maxBytes`; the rest is discarded within DISCARD_AT_MOST. */
function readAtMost(request: IncomingMessage, maxBytes: number): Promise<Buffer[]> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      request.off("data", take).off("end", stop).off("close", stop);
      resolve(chunks);
    };
    const take = (chunk: Buffer) => {
      bytes += chunk.byteLength;
      // Kept up to the chunk that crosses the limit, so the route sees the body is too large.
      if (bytes - chunk.byteLength <= maxBytes) chunks.push(chunk);
      if (bytes > maxBytes) timer ??= setTimeout(giveUp, DISCARD_AT_MOST.ms);
      if (bytes > maxBytes + DISCARD_AT_MOST.bytes) giveUp();
    };
    const giveUp = () => {
      request.pause();
      stop();
    };
    // The error listener stays for the request's life: a body left unread may still be torn down with an
    // error after the answer, and an 'error' with no listener would throw.
    request.on("data", take).once("end", stop).once("close", stop).on("error", stop);
  });
}

/**
 * A JSON route served straight from Node's http server (the launcher's routes, lib/process/launcher-routes.ts)
 * with what Next would add: next.config.js's headers for /api. Its body is read here, never kept past
 * `readAtMost` bytes; a body left unread closes the connection after the answer.
 */
export function nodeRoute(route: ReplyRoute, options: { readAtMost: number }): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    // Node has parsed the headers already (names lower-cased, repeats joined): read them as they are.
    const headers = {
      get(name: string): string | null {
        const value = request.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    };
    const https = headers.get("x-forwarded-proto") === "https";
    const url = `${https ? "https" : "http"}://${headers.get("host") ?? "localhost"}${request.url ?? "/"}`;
    const body = await readAtMost(request, options.readAtMost);
    const reply = await route({ headers, body, url });
    const text = JSON.stringify(reply.body);
    const head: string[] = [...API_HEADERS, ...Object.entries(reply.headers).flat(), "content-type", "application/json", "content-length", String(Buffer.byteLength(text))];
    if (https) head.push(HSTS.name, HSTS.value);
    if (!request.complete) head.push("connection", "close");
    response.writeHead(reply.status, head);
    response.end(text);
  };
}
