import { getConfig } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import type { RankedItem, RankingEvent } from "@/lib/ranking/pipeline/events";
import type { PreparedRanking } from "./query";
import { rankProducts } from "@/lib/ranking/pipeline/rank-products";
import { rankingKey } from "./ranking-key";
import { findStoredRanking, storeRanking, type StoredRanking } from "./stored-rankings";

/**
 * A ranking as the page and the API both run it: replayed from storage when the same shopper, signals,
 * candidates, query and model were ranked before; else ranked by the configured model and, when the
 * model finished its answer, stored.
 */
export async function* startRanking(prepared: PreparedRanking, signal: AbortSignal): AsyncGenerator<RankingEvent, void, undefined> {
  const config = getConfig();
  const provider = getProvider(config);
  const key = rankingKey(prepared, provider);
  const stored = prepared.candidates.length > 0 ? await findStoredRanking(key) : undefined;
  if (stored) {
    yield* replay(stored);
    return;
  }

  const items: RankedItem[] = [];
  for await (const event of rankProducts(prepared, {
    provider,
    picks: config.modelPicks === "all" ? undefined : config.modelPicks,
    firstItemTimeoutMs: config.firstItemTimeoutMs,
    stallTimeoutMs: config.stallTimeoutMs,
    signal,
  })) {
    if (event.type === "item") items.push(event);
    else if (event.outcome === "complete" && !signal.aborted) {
      // Only an answer the model finished is worth replaying; a timeout or an error is not.
      await storeRanking(key, { items, summary: event }).catch((error: unknown) => {
        console.error(JSON.stringify({ scope: "ranking", event: "store-failed", error: String(error) }));
      });
    }
    yield event;
  }
}

async function* replay({ items, summary }: StoredRanking): AsyncGenerator<RankingEvent, void, undefined> {
  const started = performance.now();
  let firstItemMs: number | null = null;
  for (const item of items) {
    firstItemMs ??= Math.round(performance.now() - started);
    yield item;
  }
  // A replay calls no model: it costs no tokens.
  yield { ...summary, replay: true, firstItemMs, totalMs: Math.round(performance.now() - started), usage: null };
}
