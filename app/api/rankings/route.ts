import type { NextRequest } from "next/server";
import { BROWSER_COOKIE, parseBrowserId } from "@/lib/browser/browser-id";
import { getConfig } from "@/lib/config/env";
import { ndjsonStream } from "@/lib/ranking/ndjson";
import { parseRankingQuery, prepareRanking } from "@/lib/ranking/query";
import { startRanking } from "@/lib/ranking/start-ranking";

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
  const leave = new AbortController();
  request.signal.addEventListener("abort", () => leave.abort(), { once: true });
  return new Response(ndjsonStream(startRanking(prepared.value, leave.signal), () => leave.abort()), {
    headers: {
      ...NO_STORE,
      "content-type": "application/x-ndjson",
      // Ask proxies (nginx) not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
