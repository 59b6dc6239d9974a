import { callCost } from "@/lib/llm/prices";
import type { ModelChunk, ModelProvider, RankingRequest } from "@/lib/llm/types";
import { activeContext, inContext, markFailed, startSpan, within, type Context, type Span } from "@/lib/telemetry/spans";
import type { RankingOutcome, RankingUsage } from "./events";

/** Outcomes in which the model failed its part (the shopper still gets every candidate, by the fallback order). */
const FAILED: ReadonlySet<string> = new Set(["truncated", "malformed", "first-item-timeout", "stall-timeout", "model-error"]);

/** The provider as OpenTelemetry's GenAI conventions name it: an AI SDK route's own ("openai/gpt-4.1" → openai). */
function genAiProvider({ name, model }: Pick<ModelProvider, "name" | "model">): { provider: string; model: string } {
  const slash = model.indexOf("/");
  return name === "ai" && slash > 0 ? { provider: model.slice(0, slash), model: model.slice(slash + 1) } : { provider: name, model };
}

/**
 * The model call's span, `aisle.model`: GenAI attributes (provider, model, tokens), what the call cost in US
 * dollars at the model's published price, its time to first token, outcome and arm, and an `aisle.rejected`
 * event per element validation refused. Whatever the provider, the same attributes. When the span is not
 * recording (no tracer provider), every method returns at once.
 */
export class ModelCallTrace {
  private readonly span: Span;
  private readonly context: Context | undefined;
  private readonly started = performance.now();
  private firstTokenMs: number | undefined;
  private ended = false;
  private readonly arm: string;
  private readonly provider: ModelProvider;

  // No parameter properties: the eval and bench run this file under Node's type stripping, which refuses them.
  constructor(parent: Context | undefined, provider: ModelProvider, facts: { arm: string; candidates: number; picks: number }) {
    this.provider = provider;
    this.arm = facts.arm;
    this.span = startSpan("aisle.model", parent ?? activeContext());
    if (!this.span.isRecording()) return;
    this.context = within(this.span, parent ?? activeContext());
    const named = genAiProvider(provider);
    this.span.setAttributes({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": named.provider,
      "gen_ai.system": named.provider,
      "gen_ai.request.model": named.model,
      "aisle.provider": provider.name,
      "aisle.arm": facts.arm,
      "aisle.candidates": facts.candidates,
      "aisle.picks": facts.picks,
    });
  }

  /**
   * The request as the provider gets it, with what an SDK's own telemetry should carry while tracing (the AI
   * SDK's `telemetry` option), and the provider's stream run inside this span (its HTTP request is a child).
   */
  stream(request: RankingRequest, signal: AbortSignal): AsyncIterable<ModelChunk> {
    const { provider, context } = this;
    if (!context) return provider.stream(request, signal);
    const metadata = { arm: this.arm, candidates: request.candidates.length, picks: request.picks };
    return inContext(context, provider.stream({ ...request, telemetry: { functionId: "aisle.ranking", metadata } }, signal));
  }

  /** A text chunk arrived: the first one times the first token. */
  textArrived(): void {
    this.firstTokenMs ??= performance.now() - this.started;
  }

  /** Validation refused an element: an `aisle.rejected` event with its reason. */
  rejected(reason: string, index: number | undefined): void {
    if (this.context) this.span.addEvent("aisle.rejected", { "aisle.reason": reason, ...(index === undefined ? {} : { "aisle.index": index }) });
  }

  /** The call is over: its outcome and usage (null when nothing was billed). */
  end(outcome: RankingOutcome | "aborted", usage: RankingUsage | null, detail?: string): void {
    if (this.ended) return;
    this.ended = true;
    if (this.context) {
      this.span.setAttribute("aisle.outcome", outcome);
      if (this.firstTokenMs !== undefined) this.span.setAttribute("aisle.time_to_first_token_ms", Math.round(this.firstTokenMs));
      if (usage) {
        const cost = callCost(this.provider.name, this.provider.model, usage);
        this.span.setAttributes({
          "gen_ai.usage.input_tokens": usage.inputTokens,
          "gen_ai.usage.output_tokens": usage.outputTokens,
          "aisle.usage_estimated": usage.estimated,
          ...(usage.cachedInputTokens === null ? {} : { "aisle.cached_input_tokens": usage.cachedInputTokens }),
          ...(cost === undefined ? {} : { "aisle.cost_usd": cost }),
        });
      }
      if (FAILED.has(outcome)) markFailed(this.span, detail ? `${outcome}: ${detail}` : outcome);
    }
    this.span.end();
  }

  /** The consumer left before the call was over. */
  abandoned(): void {
    this.end("aborted", null);
  }
}
