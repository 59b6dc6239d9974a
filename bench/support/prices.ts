import { PUBLISHED_PRICES } from "../../lib/llm/prices.ts";

// One named model's published prices (section 8, cost per 1,000 rankings), from the app's table of them.
const GPT_41_MINI = PUBLISHED_PRICES["gpt-4.1-mini"] as NonNullable<(typeof PUBLISHED_PRICES)[string]>;

export const PRICES = { model: "OpenAI gpt-4.1-mini", ...GPT_41_MINI } as const;

/**
 * OpenAI's prompt cache: prompts of 1,024 tokens or more; a hit covers the longest cached prefix in steps of
 * 128 tokens past the first 1,024 (OpenAI's prompt-caching guide).
 */
export const CACHE_MIN_TOKENS = 1024;
export const CACHE_STEP_TOKENS = 128;

/** The tokens of a shared prefix a cache hit can serve: 0 under 1,024, else 1,024 + whole 128-token steps. */
export function cacheableTokens(sharedPrefix: number): number {
  if (sharedPrefix < CACHE_MIN_TOKENS) return 0;
  return CACHE_MIN_TOKENS + Math.floor((sharedPrefix - CACHE_MIN_TOKENS) / CACHE_STEP_TOKENS) * CACHE_STEP_TOKENS;
}
