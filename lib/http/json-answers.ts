import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";

// The JSON API's answers, alike on every route: never cached, an error is `{"error": "…"}`.

const NO_STORE = { "cache-control": "no-store" };

export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return jsonAnswer({ error }, status, headers);
}

/** Runs a route's work; the database away is a 503 with when to retry, anything else is rethrown. */
export async function whileDatabaseAnswers(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return jsonError(503, DATABASE_UNAVAILABLE.error, { "retry-after": String(DATABASE_UNAVAILABLE.retryAfterSeconds) });
  }
}
