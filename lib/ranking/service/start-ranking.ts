import { getConfig } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import type { RankedItem, RankingEvent } from "@/lib/ranking/pipeline/events";
import { rankProducts, type RankingOptions } from "@/lib/ranking/pipeline/rank-products";
import { processModelSlots } from "./limits/model-slots";
import type { PreparedRanking } from "./query";
import { rankingKey } from "./ranking-key";
import { findStoredRanking, storeRanking, type StoredRanking } from "./stored-rankings";

/**
 * A stored ranking of the same shopper, signals, candidates, query and model, ready to replay: its summary
 * says `replay: true`, and costs nothing (no model call, `usage: null`). Undefined: rank it live.
 */
export async function findReplay(prepared: PreparedRanking): Promise<StoredRanking | undefined> {
  // Only the model's rankings are stored: an arm without the model is free and instant anyway.
  if (prepared.candidates.length === 0 || prepared.arm !== "model") return undefined;
  const stored = await findStoredRanking(rankingKey(prepared, getProvider(getConfig())));
  if (!stored) return undefined;
  return { items: stored.items, summary: { ...stored.summary, replay: true, firstItemMs: 0, totalMs: 0, usage: null, arm: "model" } };
}

/**
 * Ranks with the configured model and, when the model finished its part, stores the ranking for replay.
 * The model call holds one of this process's model slots; a ranking that gets none in time, or that is
 * told `withoutModel`, is the embedded ranker's order at once (docs/architecture.md §13).
 */
export async function* rankLive(
  prepared: PreparedRanking,
  signal: AbortSignal,
  withoutModel?: RankingOptions["withoutModel"],
): AsyncGenerator<RankingEvent, void, undefined> {
  const config = getConfig();
  const provider = getProvider(config);
  const modelArm = prepared.arm === "model";
  const release = withoutModel || !modelArm || prepared.candidates.length === 0 ? undefined : await processModelSlots(config.limits.maxModelStreams).acquire();
  try {
    const items: RankedItem[] = [];
    for await (const event of rankProducts(prepared, {
      provider,
      picks: config.modelPicks === "all" ? undefined : config.modelPicks,
      withoutModel: withoutModel ?? (release || !modelArm || prepared.candidates.length === 0 ? undefined : "over-capacity"),
      arm: prepared.arm,
      firstItemTimeoutMs: config.firstItemTimeoutMs,
      stallTimeoutMs: config.stallTimeoutMs,
      signal,
    })) {
      if (event.type === "item") items.push(event);
      else if (event.outcome === "complete" && modelArm && !signal.aborted) {
        // Only an answer the model finished is worth replaying; a timeout, an error or no call is not.
        await storeRanking(rankingKey(prepared, provider), { items, summary: event }).catch((error: unknown) => {
          console.error(JSON.stringify({ scope: "ranking", event: "store-failed", error: String(error) }));
        });
      }
      yield event;
    }
  } finally {
    release?.();
  }
}

/** A stored ranking streamed as the live one would be, timed as it streams. */
export async function* replayEvents(stored: StoredRanking): AsyncGenerator<RankingEvent, void, undefined> {
  const started = performance.now();
  let firstItemMs: number | null = null;
  for (const item of stored.items) {
    firstItemMs ??= Math.round(performance.now() - started);
    yield item;
  }
  yield { ...stored.summary, firstItemMs, totalMs: Math.round(performance.now() - started) };
}

/** Replayed from storage when the same inputs were ranked before, else ranked live (no budget check). */
export async function* startRanking(prepared: PreparedRanking, signal: AbortSignal): AsyncGenerator<RankingEvent, void, undefined> {
  const stored = await findReplay(prepared);
  yield* stored ? replayEvents(stored) : rankLive(prepared, signal);
}
