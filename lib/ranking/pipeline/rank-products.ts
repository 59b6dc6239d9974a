import type { Product } from "@/lib/catalog/types";
import type { ModelProvider, RankingRequest } from "@/lib/llm/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";
import { abortable } from "@/lib/stream/abortable";
import { streamJsonArray } from "@/lib/stream/json-array-stream";
import { RESPONSE_SCHEMA_NAME, rankingResponseSchema } from "./contract";
import { Deadlines, DeadlineExceeded } from "./deadlines";
import type { RankedItem, RankingEvent, RankingOutcome, RankingSummary } from "./events";
import { fallbackReason } from "./fallback-reason";
import { buildRankingMessages } from "./prompt";
import { createElementValidator } from "./validate";

export interface RankingInput {
  shopper: ShopperProfile;
  signals: LiveSignals;
  /** In baseline order: the order fallback items keep. */
  candidates: readonly Product[];
}

export interface RankingLogEntry {
  event: "element-rejected" | "model-ended-early";
  reason: string;
  index?: number;
}

export interface RankingOptions {
  provider: ModelProvider;
  firstItemTimeoutMs: number;
  stallTimeoutMs: number;
  /** The consumer is gone: stop, abort the model request, emit nothing more. */
  signal?: AbortSignal;
  /** An element longer than this many characters is refused unread. */
  maxElementChars?: number;
  log?: (entry: RankingLogEntry) => void;
  now?: () => number;
}

function defaultLog(entry: RankingLogEntry): void {
  console.warn(JSON.stringify({ scope: "ranking", ...entry }));
}

export function buildRankingRequest({ shopper, signals, candidates }: RankingInput): RankingRequest {
  return {
    messages: buildRankingMessages(shopper, signals, candidates),
    responseSchema: rankingResponseSchema(candidates.map((product) => product.id)),
    schemaName: RESPONSE_SCHEMA_NAME,
    shopper,
    signals,
    candidates,
  };
}

/**
 * Ranks the candidates for a shopper with the model, as a stream: each model item the moment its element
 * is closed and validated, then every candidate the model did not place, in baseline order, then a summary.
 * Whatever the model does, every candidate appears exactly once (DESIGN §5).
 */
export async function* rankProducts(input: RankingInput, options: RankingOptions): AsyncGenerator<RankingEvent, void, undefined> {
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? defaultLog;
  const { provider, signal } = options;
  const started = now();
  let firstItemMs: number | null = null;
  let rank = 0;
  let rejected = 0;
  let outcome: RankingOutcome = input.candidates.length === 0 ? "empty" : "complete";
  let detail: string | undefined;

  const item = (id: string, reason: string, source: RankedItem["source"]): RankedItem => {
    firstItemMs ??= Math.round(now() - started);
    return { type: "item", rank: ++rank, id, reason, source };
  };

  const validator = createElementValidator(input.candidates.map((product) => product.id));
  const controller = new AbortController();
  const leave = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", leave, { once: true });
  const deadlines = new Deadlines(controller, options.firstItemTimeoutMs, options.stallTimeoutMs);

  try {
    if (signal?.aborted) return;
    if (input.candidates.length > 0) {
      const text = provider.streamText(buildRankingRequest(input), controller.signal);
      const watched = abortable(onEachChunk(text, () => deadlines.chunkArrived()), controller.signal);
      try {
        for await (const event of streamJsonArray(watched, { maxElementChars: options.maxElementChars })) {
          if (event.type === "end") {
            outcome = event.outcome === "complete" ? "complete" : event.outcome === "truncated" ? "truncated" : "malformed";
            if (event.detail) detail = event.detail;
            continue;
          }
          const verdict = event.type === "element" ? validator.check(event.value) : { ok: false as const, reason: `${event.reason}: ${event.detail}` };
          if (!verdict.ok) {
            rejected++;
            log({ event: "element-rejected", index: event.index, reason: verdict.reason });
            continue;
          }
          deadlines.firstItemArrived();
          yield item(verdict.element.id, verdict.element.reason, "model");
        }
      } catch (error) {
        if (signal?.aborted) return;
        const reason = controller.signal.reason;
        if (reason instanceof DeadlineExceeded) {
          outcome = reason.outcome;
          detail = reason.message;
        } else {
          outcome = "model-error";
          detail = describeError(error);
        }
      }
      deadlines.dispose();
      if (outcome !== "complete") log({ event: "model-ended-early", reason: `${outcome}${detail ? `: ${detail}` : ""}` });
    }

    const ranked = rank;
    for (const product of input.candidates) {
      if (signal?.aborted) return;
      if (!validator.isPlaced(product.id)) yield item(product.id, fallbackReason(product), "fallback");
    }

    const summary: RankingSummary = {
      type: "done",
      ranked,
      fallback: rank - ranked,
      rejected,
      provider: provider.name,
      model: provider.model,
      firstItemMs,
      totalMs: Math.round(now() - started),
      replay: false,
      outcome,
      ...(detail ? { detail } : {}),
    };
    yield summary;
  } finally {
    deadlines.dispose();
    signal?.removeEventListener("abort", leave);
    // Stops the model if we ended before it did (consumer left, deadline, array closed early).
    controller.abort();
  }
}

async function* onEachChunk(source: AsyncIterable<string>, onChunk: () => void): AsyncGenerator<string, void, undefined> {
  for await (const chunk of source) {
    onChunk();
    yield chunk;
  }
}

function describeError(error: unknown): string {
  if (error && typeof error === "object") {
    const status = "status" in error && typeof error.status === "number" ? `HTTP ${error.status}: ` : "";
    const message = "message" in error && typeof error.message === "string" ? error.message : String(error);
    return `${status}${message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}
