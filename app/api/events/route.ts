import { replyAsResponse } from "@/lib/http/json-answers";
import { answerBeacon } from "@/lib/insights/record/answer-beacon";

/** POST /api/events: a page's card clicks, by beacon (DESIGN §4; lib/insights/record/answer-beacon.ts). */
export async function POST(request: Request): Promise<Response> {
  return replyAsResponse(await answerBeacon(request));
}
