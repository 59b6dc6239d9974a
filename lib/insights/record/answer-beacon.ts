import { browserFromCookieHeader } from "@/lib/browser/browser-id";
import { errorReply, jsonReply, whileDatabaseReplies, type JsonReply } from "@/lib/http/json-answers";
import { readJsonBody, type BodyRequest } from "@/lib/http/json-body";
import { refuseCrossSite } from "@/lib/http/same-site";
import { acceptClicks } from "./accept-clicks";
import { eventsBody, MAX_EVENTS_BODY_BYTES } from "./event-input";

/**
 * POST /api/events {"events":[{id, type:"click", rankingId, productId, position, source}]} → 202 (DESIGN §4):
 * a page's card clicks, by beacon. Checked whole (shape, size, a ranking shown to this very browser) and
 * recorded in the next batch, or refused with a 4xx and nothing written (docs/architecture.md §21). Answered
 * by Next's route handler, or under `npm start` by the launcher before Next's router, the same way.
 */
export async function answerBeacon(request: BodyRequest & { url: string }): Promise<JsonReply> {
  const refusal = refuseCrossSite(request);
  if (refusal) return errorReply(refusal.status, refusal.error);
  const body = await readJsonBody(request, eventsBody, MAX_EVENTS_BODY_BYTES, { plainText: true });
  if (!body.ok) return errorReply(body.status, body.error);
  return whileDatabaseReplies(async () => {
    const result = await acceptClicks(browserFromCookieHeader(request.headers.get("cookie")).id, body.value.events);
    if (!result.ok) return errorReply(result.status, result.error, result.retryAfterSeconds ? { "retry-after": String(result.retryAfterSeconds) } : {});
    return jsonReply({ accepted: result.accepted }, 202);
  });
}
