import type { NextRequest } from "next/server";
import { browserFromCookies } from "@/lib/browser/browser-id";
import { jsonAnswer, jsonError, whileDatabaseAnswers } from "@/lib/http/json-answers";
import { readJsonBody } from "@/lib/http/json-body";
import { refuseCrossSite } from "@/lib/http/same-site";
import { acceptClicks } from "@/lib/insights/record/accept-clicks";
import { eventsBody, MAX_EVENTS_BODY_BYTES } from "@/lib/insights/record/event-input";

/**
 * POST /api/events {"events":[{id, type:"click", rankingId, productId, position, source}]} → 202 (DESIGN §4):
 * a page's card clicks, by beacon. Checked whole (shape, size, a ranking shown to this very browser) and
 * recorded in the next batch, or refused with a 4xx and nothing written (docs/architecture.md §19).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const refusal = refuseCrossSite(request);
  if (refusal) return jsonError(refusal.status, refusal.error);
  const body = await readJsonBody(request, eventsBody, MAX_EVENTS_BODY_BYTES, { plainText: true });
  if (!body.ok) return jsonError(body.status, body.error);
  return whileDatabaseAnswers(async () => {
    const result = await acceptClicks(browserFromCookies(request.cookies).id, body.value.events);
    if (!result.ok) return jsonError(result.status, result.error, result.retryAfterSeconds ? { "retry-after": String(result.retryAfterSeconds) } : {});
    return jsonAnswer({ accepted: result.accepted }, 202);
  });
}
