import type { RankingSummary } from "@/lib/ranking/pipeline/events";
import { activeContext, epochMs, isTracing, markFailed, recordSpan, startSpan, within, type Attributes, type Context, type Span } from "@/lib/telemetry/spans";
import type { PreparedRanking } from "./query";
import type { StoredRanking } from "./stored-rankings";

// One span per ranking, `aisle.ranking`, from the start of its retrieval to its last event (docs/architecture.md,
// Traces). Retrieval and the replay lookup run before the ranking's stream exists, and a caller may stop after them
// (a 429, nothing to rank): they are timed as they happen, and become the ranking's children only once it starts,
// so no span is ever left open. With no tracer provider, nothing here does any work.

interface Timed {
  parent: Context;
  startedAt: number;
  endedAt: number;
  attributes: Attributes;
}

const retrievals = new WeakMap<PreparedRanking, Timed>();
const lookups = new WeakMap<PreparedRanking, Timed>();
/** The prepared ranking a replay was found for. */
const replayed = new WeakMap<StoredRanking, PreparedRanking>();

/** Times a retrieval while tracing: `done` files it under the ranking it prepared. Undefined when not tracing. */
export function timeRetrieval(): { done(prepared: PreparedRanking, attributes: Attributes): void } | undefined {
  if (!isTracing()) return undefined;
  const parent = activeContext();
  const startedAt = epochMs();
  return { done: (prepared, attributes) => void retrievals.set(prepared, { parent, startedAt, endedAt: epochMs(), attributes }) };
}

/** Times the lookup of a stored replay while tracing. Undefined when not tracing. */
export function timeReplayLookup(prepared: PreparedRanking): { done(stored: StoredRanking | undefined): void } | undefined {
  if (!isTracing()) return undefined;
  const startedAt = epochMs();
  return {
    done(stored) {
      lookups.set(prepared, { parent: activeContext(), startedAt, endedAt: epochMs(), attributes: { "aisle.replay.hit": stored !== undefined } });
      if (stored) replayed.set(stored, prepared);
    },
  };
}

/** The ranking's root span, and the context its children start in (undefined when it is not recording). */
export class RankingTrace {
  readonly span: Span;
  readonly context: Context | undefined;
  private summary: RankingSummary | undefined;

  /** A ranking of `prepared` (its retrieval and replay lookup become its children), or of a stored replay. */
  static of(prepared: PreparedRanking | StoredRanking): RankingTrace {
    return "candidates" in prepared ? new RankingTrace(prepared) : new RankingTrace(replayed.get(prepared), true);
  }

  private constructor(prepared: PreparedRanking | undefined, replay = false) {
    const retrieval = prepared && retrievals.get(prepared);
    const lookup = prepared && lookups.get(prepared);
    if (prepared) {
      // Each is a child of one ranking only, even if the same prepared ranking is ranked again.
      retrievals.delete(prepared);
      lookups.delete(prepared);
    }
    this.span = startSpan("aisle.ranking", retrieval?.parent ?? lookup?.parent, undefined, retrieval?.startedAt ?? lookup?.startedAt);
    if (!this.span.isRecording()) return;
    this.context = within(this.span, retrieval?.parent ?? lookup?.parent);
    if (retrieval) recordSpan("aisle.retrieval", this.context, retrieval.startedAt, retrieval.endedAt, retrieval.attributes);
    if (lookup) recordSpan("aisle.replay", this.context, lookup.startedAt, lookup.endedAt, lookup.attributes);
    this.span.setAttributes({
      "aisle.replay": replay,
      ...(retrieval?.attributes["aisle.shopper.kind"] ? { "aisle.shopper.kind": retrieval.attributes["aisle.shopper.kind"] } : {}),
      ...(prepared ? { "aisle.arm": prepared.arm, "aisle.candidates": prepared.candidates.length } : {}),
    });
  }

  /** A child span of the ranking (storing it, say); undefined when the ranking is not recording. */
  child(name: string): Span | undefined {
    return this.context && startSpan(name, this.context);
  }

  /** The ranking's done line, when it passes. */
  finished(summary: RankingSummary): void {
    this.summary = summary;
  }

  /** Ends the span: with the done line's figures, or as `aborted` when the consumer left before it. */
  end(error?: unknown): void {
    if (this.context) {
      const summary = this.summary;
      this.span.setAttributes(
        summary
          ? {
              "aisle.outcome": summary.outcome,
              "aisle.arm": summary.arm ?? "model",
              "aisle.replay": summary.replay,
              "aisle.ranked": summary.ranked,
              "aisle.fallback": summary.fallback,
              "aisle.rejected": summary.rejected,
              "aisle.provider": summary.provider,
              "aisle.model": summary.model,
              "aisle.total_ms": summary.totalMs,
              ...(summary.firstItemMs === null ? {} : { "aisle.first_item_ms": summary.firstItemMs }),
            }
          : { "aisle.outcome": error === undefined ? "aborted" : "error" },
      );
      if (error !== undefined) markFailed(this.span, String(error), error);
    }
    this.span.end();
  }
}
