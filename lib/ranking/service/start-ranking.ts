import { getConfig } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import type { RankedItem, RankingEvent } from "@/lib/ranking/pipeline/events";
import { rankProducts, type RankingOptions } from "@/lib/ranking/pipeline/rank-products";
import { markFailed } from "@/lib/telemetry/spans";
import { processModelSlots } from "./limits/model-slots";
import type { PreparedRanking } from "./query";
import { rankingKey } from "./ranking-key";
import { RankingTrace, timeReplayLookup } from "./ranking-trace";
import { findStoredRanking, storeRanking, type StoredRanking } from "./stored-rankings";

/**
 * A stored ranking of the same shopper, signals, candidates, query and model, ready to replay: its summary
 * says `replay: true`, and costs nothing (no model call, `usage: null`). Undefined: rank it live.
 */
export async function findReplay(prepared: PreparedRanking): Promise<StoredRanking | undefined> {
  // Only the model's rankings are stored: an arm without the model is free and instant anyway.
  if (prepared.candidates.length === 0 || prepared.arm !== "model") return undefined;
  const lookup = timeReplayLookup(prepared);
  const stored = await findStoredRanking(rankingKey(prepared, getProvider(getConfig())));
  const replay: StoredRanking | undefined = stored && { items: stored.items, summary: { ...stored.summary, replay: true, firstItemMs: 0, totalMs: 0, usage: null, arm: "model" } };
  lookup?.done(replay);
  return replay;
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
  const ranking = RankingTrace.of(prepared);
  let release: (() => void) | undefined;
  let failure: unknown;
  try {
    if (!withoutModel && modelArm && prepared.candidates.length > 0) {
      const waiting = performance.now();
      release = await processModelSlots(config.limits.maxModelStreams).acquire();
      if (ranking.context) ranking.span.setAttribute("aisle.slot_wait_ms", Math.round(performance.now() - waiting));
    }
    const items: RankedItem[] = [];
    for await (const event of rankProducts(prepared, {
      provider,
      picks: config.modelPicks === "all" ? undefined : config.modelPicks,
      withoutModel: withoutModel ?? (release || !modelArm || prepared.candidates.length === 0 ? undefined : "over-capacity"),
      arm: prepared.arm,
      firstItemTimeoutMs: config.firstItemTimeoutMs,
      stallTimeoutMs: config.stallTimeoutMs,
      signal,
      trace: ranking.context,
    })) {
      if (event.type === "item") items.push(event);
      else {
        ranking.finished(event);
        // Only an answer the model finished is worth replaying; a timeout, an error or no call is not.
        if (event.outcome === "complete" && modelArm && !signal.aborted) await store(rankingKey(prepared, provider), { items, summary: event }, ranking);
      }
      yield event;
    }
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    release?.();
    ranking.end(failure);
  }
}

/** Stores a finished ranking for replay; a failure is logged (the shopper has the ranking already). */
async function store(key: ReturnType<typeof rankingKey>, stored: StoredRanking, ranking: RankingTrace): Promise<void> {
  const span = ranking.child("aisle.store");
  try {
    await storeRanking(key, stored);
  } catch (error) {
    if (span) markFailed(span, String(error), error);
    console.error(JSON.stringify({ scope: "ranking", event: "store-failed", error: String(error) }));
  } finally {
    span?.end();
  }
}

/** A stored ranking streamed as the live one would be, timed as it streams. */
export async function* replayEvents(stored: StoredRanking): AsyncGenerator<RankingEvent, void, undefined> {
  const ranking = RankingTrace.of(stored);
  try {
    const started = performance.now();
    let firstItemMs: number | null = null;
    for (const item of stored.items) {
      firstItemMs ??= Math.round(performance.now() - started);
      yield item;
    }
    const summary = { ...stored.summary, firstItemMs, totalMs: Math.round(performance.now() - started) };
    ranking.finished(summary);
    yield summary;
  } finally {
    ranking.end();
  }
}

/** Replayed from storage when the same inputs were ranked before, else ranked live (no budget check). */
export async function* startRanking(prepared: PreparedRanking, signal: AbortSignal): AsyncGenerator<RankingEvent, void, undefined> {
  const stored = await findReplay(prepared);
  yield* stored ? replayEvents(stored) : rankLive(prepared, signal);
}
