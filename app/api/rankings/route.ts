import type { NextRequest } from "next/server";
import { BROWSER_COOKIE, parseBrowserId } from "@/lib/browser/browser-id";
import { getConfig } from "@/lib/config/env";
import { openLiveRanking } from "@/lib/ranking/service/live-rankings";
import { parseRankingQuery, prepareRanking } from "@/lib/ranking/service/query";
import { startRanking } from "@/lib/ranking/service/start-ranking";
import { ndjsonStream } from "./ndjson";

const NO_STORE = { "cache-control": "no-store" };

function badRequest(error: string): Response {
  return Response.json({ error }, { status: 400, headers: NO_STORE });
}

/** GET /api/rankings?shopper=…[&q=…][&category=…] → NDJSON: one line per ranked item, then a done line. */
export async function GET(request: NextRequest): Promise<Response> {
  const query = parseRankingQuery(request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.error);
  const config = getConfig();
  // A browser calling its own store ranks with its signals; a bare client (curl) has none.
  const browserId = parseBrowserId(request.cookies.get(BROWSER_COOKIE)?.value);
  const prepared = await prepareRanking(query.value, config.maxCandidates, browserId);
  if (!prepared.ok) return badRequest(prepared.error);

  // The client leaving (request aborted or body cancelled) aborts the model request.
  const ranking = openLiveRanking(request.signal);
  return new Response(ndjsonStream(startRanking(prepared.value, ranking.signal), ranking.leave, ranking.finish), {
    headers: {
      ...NO_STORE,
      "content-type": "application/x-ndjson",
      // Ask proxies (nginx) not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
