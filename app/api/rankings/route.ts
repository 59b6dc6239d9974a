import type { NextRequest } from "next/server";
import { browserFromCookies } from "@/lib/browser/browser-id";
import { getConfig } from "@/lib/config/env";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { clientAddress } from "@/lib/http/client-address";
import { recordedShowing } from "@/lib/insights/record/showings";
import { isWarmUp } from "@/lib/process/warm-up-requests";
import { modelUseFor, type ModelUse } from "@/lib/ranking/service/limits/model-budget";
import { openLiveRanking } from "@/lib/ranking/service/live-rankings";
import type { RankingEvent } from "@/lib/ranking/pipeline/events";
import { parseRankingQuery, prepareRanking, type RetrievalSummary } from "@/lib/ranking/service/query";
import { findReplay, rankLive, replayEvents } from "@/lib/ranking/service/start-ranking";
import { ndjsonStream } from "./ndjson";

const NO_STORE = { "cache-control": "no-store" };

function jsonError(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * The done line says what retrieval found — every match, and the search as read when corrected — and which
 * showing of a ranking this was (DESIGN §4).
 */
async function* withRetrieval(events: AsyncIterable<RankingEvent>, retrieval: RetrievalSummary, rankingId: string): AsyncGenerator<RankingEvent, void, undefined> {
  const found = { matches: retrieval.matches, ...(retrieval.corrected ? { corrected: retrieval.corrected } : {}), rankingId };
  for await (const event of events) yield event.type === "done" ? { ...event, ...found } : event;
}

/**
 * GET /api/rankings?shopper=…[&q=…][&category=…] → NDJSON: one line per ranked item, then a done line.
 * Before any streaming: 400 for a bad query, 429 when the client's budget of fresh model rankings is spent
 * (a replay is free), 503 while the database is not answering (docs/architecture.md §2, §13, §14).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const query = parseRankingQuery(request.nextUrl.searchParams);
  if (!query.ok) return jsonError(400, query.error);
  const config = getConfig();
  // A browser calling its own store ranks with its signals (and, for `shopper=me`, its own profile); a bare
  // client (curl) has none: a new, empty shopper.
  const browser = browserFromCookies(request.cookies);
  const browserId = browser.id;

  let events: AsyncIterable<RankingEvent>;
  let retrieval: RetrievalSummary = { matches: 0, moreMatches: false, related: 0 };
  const ranking = openLiveRanking(request.signal);
  try {
    const prepared = await prepareRanking(query.value, config.maxCandidates, browser);
    if (!prepared.ok) {
      ranking.finish();
      return jsonError(400, prepared.error);
    }
    retrieval = prepared.value.retrieval;
    const stored = await findReplay(prepared.value);
    if (stored) events = replayEvents(stored);
    else {
      const client = { browserId, address: clientAddress(request.headers, config.limits.trustedProxies) };
      // An arm without the model (AISLE_EXPERIMENT) spends no budget.
      const free = prepared.value.candidates.length === 0 || prepared.value.arm !== "model";
      const use: ModelUse = free ? { model: true } : await modelUseFor(client, { warmUp: isWarmUp(request.headers) });
      if (!use.model && use.outcome === "rate-limited") {
        ranking.finish();
        return jsonError(429, `Too many fresh rankings: at most ${config.limits.rankingsPerMinute} a minute. Try again in ${use.retryAfterSeconds} s (a ranking already made is replayed free).`, {
          "retry-after": String(use.retryAfterSeconds),
        });
      }
      events = rankLive(prepared.value, ranking.signal, use.model ? undefined : use.outcome);
    }
    // A showing a browser can click on is recorded (attribution); the server's own warm-up is nobody's.
    if (prepared.value.candidates.length > 0 && !isWarmUp(request.headers)) events = recordedShowing(events, { id: ranking.id, browserId, arm: prepared.value.arm });
  } catch (error) {
    ranking.finish();
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(JSON.stringify({ scope: "rankings-api", event: "database-unavailable", error: String(error) }));
    return jsonError(503, DATABASE_UNAVAILABLE.error, { "retry-after": String(DATABASE_UNAVAILABLE.retryAfterSeconds) });
  }

  // The client leaving (request aborted or body cancelled) aborts the model request.
  return new Response(ndjsonStream(withRetrieval(events, retrieval, ranking.id), ranking.leave, ranking.finish), {
    headers: {
      ...NO_STORE,
      "content-type": "application/x-ndjson",
      // Ask proxies (nginx) not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
