import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { median } from "./support/stats.ts";
import { CANDIDATES, liveSignalsFor, NO_SIGNALS, rankingRequest, SHOPPERS, type BenchRequest } from "./support/ranking-request.ts";

// How much of each shopper's prompt a provider's prefix cache can serve: the longest token prefix common to
// every shopper's prompt over the same candidates, as a share of each prompt's tokens.

export interface PromptTokens {
  shopper: string;
  /** The prompt's tokens: the schema's JSON and the messages' contents, in order. */
  total: number;
  /** The shared prefix's share of this prompt's tokens. */
  share: number;
}

export interface PromptCacheRow {
  signals: "none" | "live";
  shoppers: PromptTokens[];
  /** Tokens of the longest prefix all the shoppers' prompts share. */
  sharedPrefix: number;
  /** Where that prefix ends: tokens past the end of the candidates block (into the shopper's message). */
  intoShopperMessage: number;
  minShare: number;
  medianShare: number;
  minTotal: number;
  medianTotal: number;
}

export interface PromptCacheResult {
  candidates: number;
  picks: number;
  /** Tokens of the parts every prompt has in common. */
  parts: { schema: number; system: number; candidates: number };
  rows: PromptCacheRow[];
}

/**
 * The prompt as token ids, in the order the provider sees it: the response_format schema's JSON first (OpenAI's
 * prompt-caching guide: the structured-output schema serves as a prefix to the system message, and is cached
 * with it), then each message's content. Each part is tokenised on its own: the chat format separates
 * messages, so no token spans two of them.
 */
function promptTokens(request: BenchRequest): { tokens: number[]; parts: number[][] } {
  const parts = [encode(JSON.stringify(request.responseSchema)), ...request.messages.map((message) => encode(message.content))];
  return { tokens: parts.flat(), parts };
}

function commonPrefix(sequences: readonly number[][]): number {
  const first = sequences[0] ?? [];
  let length = 0;
  while (length < first.length && sequences.every((sequence) => length < sequence.length && sequence[length] === first[length])) length++;
  return length;
}

export function measurePromptCache(picks: number): PromptCacheResult {
  let parts = { schema: 0, system: 0, candidates: 0 };
  const rows = (["none", "live"] as const).map((signals): PromptCacheRow => {
    const prompts = SHOPPERS.map((shopper) => ({
      shopper: shopper.id,
      ...promptTokens(rankingRequest(shopper, signals === "none" ? NO_SIGNALS : liveSignalsFor(shopper), picks)),
    }));
    const sharedPrefix = commonPrefix(prompts.map((prompt) => prompt.tokens));
    const [schema, system, candidates] = (prompts[0]?.parts ?? []).map((part) => part.length);
    parts = { schema: schema ?? 0, system: system ?? 0, candidates: candidates ?? 0 };
    const shoppers = prompts.map((prompt) => ({ shopper: prompt.shopper, total: prompt.tokens.length, share: sharedPrefix / prompt.tokens.length }));
    return {
      signals,
      shoppers,
      sharedPrefix,
      intoShopperMessage: sharedPrefix - (parts.schema + parts.system + parts.candidates),
      minShare: Math.min(...shoppers.map((shopper) => shopper.share)),
      medianShare: median(shoppers.map((shopper) => shopper.share)),
      minTotal: Math.min(...shoppers.map((shopper) => shopper.total)),
      medianTotal: median(shoppers.map((shopper) => shopper.total)),
    };
  });
  return { candidates: CANDIDATES.length, picks, parts, rows };
}
