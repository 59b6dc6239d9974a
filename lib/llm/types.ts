import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
  /**
   * The end of a prefix many requests share (the candidates block): providers with explicit cache marks
   * (Anthropic's cache control) mark it; the others cache exact prefixes on their own.
   */
  cacheBreakpoint?: boolean;
}

/** Everything a provider needs to rank: the prompt, the output contract, and the facts behind them. */
export interface RankingRequest {
  messages: ChatMessage[];
  /** The JSON schema the answer must follow (docs/architecture.md §2), with the candidate ids as an enum. */
  responseSchema: Record<string, unknown>;
  /** The name the schema is sent under (`json_schema.name`). */
  schemaName: string;
  /** The same for the same candidate set: routes requests to a warm prompt cache (OpenAI's `prompt_cache_key`). */
  cacheKey: string;
  /** How many candidates the prompt asks the model to pick. */
  picks: number;
  /** The facts the prompt was written from; the simulated model ranks from these, the others ignore them. */
  shopper: ShopperProfile;
  signals: LiveSignals;
  candidates: readonly Product[];
  /** What the shopper searched for on the page being ranked, when they did. */
  search?: string;
  /** The search as the store's retrieval read it (corrections, synonyms). */
  searchTerms?: string;
  /**
   * Set only while the ranking is traced: what a provider's own telemetry (the AI SDK's) should carry, so its
   * spans group with the ranking's (docs/architecture.md, Traces).
   */
  telemetry?: { functionId: string; metadata: Record<string, string | number | boolean> };
}

/** Token counts as the model's server reported them. */
export interface ReportedUsage {
  inputTokens: number;
  /** Input tokens served from the provider's prompt cache; null when the server does not say. */
  cachedInputTokens: number | null;
  outputTokens: number;
}

/** What a provider streams: the answer's text deltas as the model writes them, and at most one usage report. */
export type ModelChunk = string | { type: "usage"; usage: ReportedUsage };

/** A model behind one interface: a request in, the answer's text deltas (and its usage) out. */
export interface ModelProvider {
  /** "simulated", "openai" or "ai". */
  readonly name: string;
  /** The model's name as the done line reports it. */
  readonly model: string;
  /** Must stop work and settle a pending read soon after `signal` aborts. */
  stream(request: RankingRequest, signal: AbortSignal): AsyncIterable<ModelChunk>;
}
