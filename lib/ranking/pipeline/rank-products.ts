import type { ShopperContext } from "@/lib/embedded-ranker/score";
import type { ModelChunk, ModelProvider, RankingRequest, ReportedUsage } from "@/lib/llm/types";
import { abortable } from "@/lib/stream/abortable";
import { JsonArrayScanner } from "@/lib/stream/json-array-scanner";
import { RESPONSE_SCHEMA_NAME, rankingResponseSchema } from "./contract";
import { Deadlines, DeadlineExceeded } from "./deadlines";
import type { RankedItem, RankingEvent, RankingOutcome, RankingSummary, RankingUsage } from "./events";
import type { Arm } from "@/lib/experiments/experiment";
import type { Context } from "@/lib/telemetry/spans";
import { fallbackOrder, popularOrder } from "./fallback-order";
import { ModelCallTrace } from "./model-trace";
import { buildRankingMessages, canonicalOrder, candidatesCacheKey } from "./prompt";
import { estimateUsage, reportedUsage } from "./usage";
import { createElementValidator } from "./validate";

/** Who is shopping, what they do now, what to rank, and what they searched for on this page (the candidates match it). */
export type RankingInput = ShopperContext;

export interface RankingLogEntry {
  event: "element-rejected" | "model-ended-early";
  reason: string;
  index?: number;
}

export interface RankingOptions {
  provider: ModelProvider;
  /** How many candidates the model picks with a reason; unset: all of them. */
  picks?: number;
  /** Do not ask the model (the client's budget is spent, or no model stream is free): the embedded order. */
  withoutModel?: Extract<RankingOutcome, "rate-limited" | "over-capacity">;
  /**
   * The experiment arm (lib/experiments): `model` (the default) as above; `embedded` the embedded ranker's order
   * and `popular` the candidates' baseline order, both without asking the model, by design (outcome complete).
   */
  arm?: Arm;
  firstItemTimeoutMs: number;
  stallTimeoutMs: number;
  /** The consumer is gone: stop, abort the model request, emit nothing more. */
  signal?: AbortSignal;
  /** An element longer than this many characters is refused unread. */
  maxElementChars?: number;
  log?: (entry: RankingLogEntry) => void;
  now?: () => number;
  /** The trace context the model call's span (`aisle.model`) is a child of; unset: the active one. */
  trace?: Context;
}

function defaultLog(entry: RankingLogEntry): void {
  console.warn(JSON.stringify({ scope: "ranking", ...entry }));
}

/** The model's request: the prompt, and the schema with the candidate ids in the prompt's (canonical) order. */
export function buildRankingRequest(input: RankingInput, picks = input.candidates.length): RankingRequest {
  const { shopper, signals, candidates, search, searchTerms } = input;
  const ids = canonicalOrder(candidates).map((product) => product.id);
  return {
    messages: buildRankingMessages(input, picks),
    responseSchema: rankingResponseSchema(ids),
    schemaName: RESPONSE_SCHEMA_NAME,
    cacheKey: candidatesCacheKey(ids),
    picks,
    shopper,
    signals,
    candidates,
    ...(search ? { search } : {}),
    ...(search && searchTerms ? { searchTerms } : {}),
  };
}

/**
 * Ranks the candidates for a shopper, as a stream: each of the model's picks the moment its element is
 * closed and validated; once it has placed `picks` of them (or closed its array, or failed), every other
 * candidate at once in the embedded ranker's order; then a summary with the call's usage.
 * Whatever the model does, every candidate appears exactly once (docs/architecture.md §3).
 *
 * After the picks, the model is stopped as soon as it begins one element more (no tokens paid for past
 * the picks); a model that closes its array instead is read to its end, so its usage report arrives.
 */
export async function* rankProducts(input: RankingInput, options: RankingOptions): AsyncGenerator<RankingEvent, void, undefined> {
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? defaultLog;
  const { provider, signal } = options;
  const picks = Math.min(options.picks ?? Infinity, input.candidates.length);
  const started = now();
  let firstItemMs: number | null = null;
  let rank = 0;
  /** Items the model placed. */
  let placed = 0;
  let rejected = 0;
  const arm = options.arm ?? "model";
  const modelAsked = arm === "model" && !options.withoutModel;
  let outcome: RankingOutcome = input.candidates.length === 0 ? "empty" : (options.withoutModel ?? "complete");
  let detail: string | undefined;
  let usage: RankingUsage | null = null;

  const item = (id: string, reason: string, source: RankedItem["source"]): RankedItem => {
    firstItemMs ??= Math.round(now() - started);
    return { type: "item", rank: ++rank, id, reason, source };
  };

  const validator = createElementValidator(input.candidates.map((product) => product.id));
  let released = false;
  /** Every candidate the model has not placed, in the embedded ranker's order: the shopper waits for nothing more. */
  function* release(): Generator<RankedItem, void, undefined> {
    if (released) return;
    released = true;
    for (const place of arm === "popular" ? popularOrder(input.candidates) : fallbackOrder(input)) {
      if (signal?.aborted) return;
      if (!validator.isPlaced(place.id)) yield item(place.id, place.reason, "fallback");
    }
  }

  const controller = new AbortController();
  const leave = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", leave, { once: true });
  const deadlines = new Deadlines(controller, options.firstItemTimeoutMs, options.stallTimeoutMs);
  let modelCall: ModelCallTrace | undefined;

  try {
    if (signal?.aborted) return;
    if (input.candidates.length > 0 && modelAsked) {
      const request = buildRankingRequest(input, picks);
      modelCall = new ModelCallTrace(options.trace, provider, { arm, candidates: input.candidates.length, picks });
      const scanner = new JsonArrayScanner({ maxElementChars: options.maxElementChars });
      const output: string[] = [];
      let reported: ReportedUsage | undefined;
      /** The scanner's index of the element that completed the picks. */
      let lastPick = -1;
      const text = textOf(modelCall.stream(request, controller.signal), () => deadlines.chunkArrived(), (report) => (reported = report));
      try {
        for await (const chunk of abortable(text, controller.signal)) {
          output.push(chunk);
          modelCall.textArrived();
          if (released) {
            if (!scanner.finished) scanner.push(chunk);
          } else {
            for (const event of scanner.push(chunk)) {
              const verdict = event.type === "element" ? validator.check(event.value) : { ok: false as const, reason: `${event.reason}: ${event.detail}` };
              if (!verdict.ok) {
                rejected++;
                log({ event: "element-rejected", index: event.index, reason: verdict.reason });
                modelCall.rejected(verdict.reason, event.index);
                continue;
              }
              deadlines.firstItemArrived();
              placed++;
              yield item(verdict.element.id, verdict.element.reason, "model");
              if (placed === picks) {
                lastPick = event.index;
                break;
              }
            }
            const ended = scanner.finished ? scanner.end() : undefined;
            if (ended && ended.outcome !== "complete") {
              // Not the JSON asked for: nothing more worth paying for.
              outcome = "malformed";
              detail = ended.detail;
              break;
            }
            if (placed === picks || ended) yield* release();
          }
          if (lastPick >= 0 && scanner.elementsBegun > lastPick + 1) break; // one element more: stop paying
        }
        if (!released) {
          const ended = scanner.end();
          outcome = ended.outcome === "complete" ? "complete" : ended.outcome === "truncated" ? "truncated" : "malformed";
          if (ended.detail) detail = ended.detail;
        }
      } catch (error) {
        if (signal?.aborted) return;
        // After the release the picks are in: a stall or a dropped connection while reading for the usage
        // report changes nothing but where the usage figures come from.
        if (!released) {
          const reason = controller.signal.reason;
          if (reason instanceof DeadlineExceeded) {
            outcome = reason.outcome;
            detail = reason.message;
          } else {
            outcome = "model-error";
            detail = describeError(error);
          }
        }
      }
      controller.abort();
      deadlines.dispose();
      if (outcome !== "complete") log({ event: "model-ended-early", reason: `${outcome}${detail ? `: ${detail}` : ""}` });
      yield* release();
      if (signal?.aborted) return;
      const written = output.join("");
      // A server that failed before writing anything bills nothing; any other call is counted.
      if (reported) usage = reportedUsage(reported);
      else if (written.length > 0 || outcome !== "model-error") usage = await estimateUsage(request.messages, request.responseSchema, written);
      modelCall.end(outcome, usage, detail);
    }

    yield* release(); // when the model was not asked
    if (signal?.aborted) return;
    const summary: RankingSummary = {
      type: "done",
      ranked: placed,
      fallback: rank - placed,
      rejected,
      provider: provider.name,
      model: provider.model,
      firstItemMs,
      totalMs: Math.round(now() - started),
      replay: false,
      outcome,
      ...(detail ? { detail } : {}),
      usage,
      arm,
    };
    yield summary;
  } finally {
    modelCall?.abandoned(); // the consumer left first (ends nothing already ended)
    deadlines.dispose();
    signal?.removeEventListener("abort", leave);
    // Stops the model if we ended before it did (consumer left, deadline, picks placed).
    controller.abort();
  }
}

/** A provider's chunks as text: each chunk (text or usage) is a sign of life; the usage report is handed aside. */
async function* textOf(source: AsyncIterable<ModelChunk>, onChunk: () => void, onUsage: (usage: ReportedUsage) => void): AsyncGenerator<string, void, undefined> {
  for await (const chunk of source) {
    onChunk();
    if (typeof chunk === "string") yield chunk;
    else onUsage(chunk.usage);
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
