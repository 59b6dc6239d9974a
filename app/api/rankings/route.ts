import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import { ndjsonStream } from "@/lib/ranking/ndjson";
import { parseRankingQuery, prepareRanking } from "@/lib/ranking/query";
import { rankProducts } from "@/lib/ranking/rank-products";

const NO_STORE = { "cache-control": "no-store" };

function badRequest(error: string): Response {
  return Response.json({ error }, { status: 400, headers: NO_STORE });
}

/** GET /api/rankings?shopper=…[&q=…][&category=…] → NDJSON: one line per ranked item, then a done line. */
export async function GET(request: NextRequest): Promise<Response> {
  const query = parseRankingQuery(request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.error);
  const config = getConfig();
  const prepared = await prepareRanking(query.value, config.maxCandidates);
  if (!prepared.ok) return badRequest(prepared.error);

  // The client leaving (request aborted or body cancelled) aborts the model request.
  const leave = new AbortController();
  request.signal.addEventListener("abort", () => leave.abort(), { once: true });
  const events = rankProducts(prepared.value, {
    provider: getProvider(config),
    firstItemTimeoutMs: config.firstItemTimeoutMs,
    stallTimeoutMs: config.stallTimeoutMs,
    signal: leave.signal,
  });
  return new Response(ndjsonStream(events, () => leave.abort()), {
    headers: {
      ...NO_STORE,
      "content-type": "application/x-ndjson",
      // Ask proxies (nginx) not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
