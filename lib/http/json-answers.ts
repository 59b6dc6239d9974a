import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";

// The JSON API's answers, alike on every route: never cached, an error is `{"error": "…"}`.

const NO_STORE = { "cache-control": "no-store" };

/**
 * A JSON answer before it is a Response: a route that the launcher also serves (lib/http/node-route.ts)
 * returns this, so Node's response is written without fetch's body machinery on a beacon's path.
 */
export interface JsonReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): JsonReply {
  return { status, body, headers: { ...NO_STORE, ...headers } };
}

export function errorReply(status: number, error: string, headers: Record<string, string> = {}): JsonReply {
  return jsonReply({ error }, status, headers);
}

export function replyAsResponse(reply: JsonReply): Response {
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return replyAsResponse(jsonReply(body, status, headers));
}

export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return jsonAnswer({ error }, status, headers);
}

function unavailableReply(): JsonReply {
  return errorReply(503, DATABASE_UNAVAILABLE.error, { "retry-after": String(DATABASE_UNAVAILABLE.retryAfterSeconds) });
}

/** Runs a route's work; the database away is a 503 reply with when to retry, anything else is rethrown. */
export async function whileDatabaseReplies<Answer>(work: () => Promise<Answer>): Promise<Answer | JsonReply> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return unavailableReply();
  }
}

/** whileDatabaseReplies for a route that answers with a Response. */
export async function whileDatabaseAnswers(work: () => Promise<Response>): Promise<Response> {
  const answer = await whileDatabaseReplies(work);
  return answer instanceof Response ? answer : replyAsResponse(answer);
}
