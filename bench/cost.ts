import { costOf } from "../lib/llm/prices.ts";
import { estimateUsage } from "../lib/ranking/pipeline/usage.ts";
import type { PicksResult } from "./picks.ts";
import type { PromptCacheResult } from "./prompt-cache.ts";
import { cacheableTokens, PRICES } from "./support/prices.ts";
import { mean } from "./support/stats.ts";
import { NO_SIGNALS, rankingRequest, SHOPPERS } from "./support/ranking-request.ts";

// What 1,000 rankings cost at one named model's published prices (support/prices.ts), counted with o200k:
// the real prompt (the pipeline's own estimate: contents, schema and the chat format's per-message tokens)
// and the model's answer as section 7's rankings wrote it.

export interface CostRow {
  picks: number | "all";
  /** Means over the six shoppers, tokens per ranking. */
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  /** US dollars per 1,000 rankings. */
  uncached: number;
  cached: number;
}

export interface CostResult {
  prices: typeof PRICES;
  /** The shared prefix (section 6, no live signals) and the part of it a cache hit serves. */
  sharedPrefix: number;
  cachedTokens: number;
  rows: CostRow[];
}

export async function measureCost(promptCache: PromptCacheResult, picks: PicksResult): Promise<CostResult> {
  const sharedPrefix = promptCache.rows.find((row) => row.signals === "none")?.sharedPrefix ?? 0;
  const cachedTokens = cacheableTokens(sharedPrefix);
  const rows: CostRow[] = [];
  for (const run of picks.runs) {
    const inputs: number[] = [];
    const outputs: number[] = [];
    for (const ranking of run.rankings) {
      const shopper = SHOPPERS.find((profile) => profile.id === ranking.shopper);
      if (!shopper) continue;
      const request = rankingRequest(shopper, NO_SIGNALS, run.picks);
      inputs.push((await estimateUsage(request.messages, request.responseSchema, "")).inputTokens);
      outputs.push(ranking.answerTokens);
    }
    const inputTokens = mean(inputs);
    const outputTokens = mean(outputs);
    rows.push({
      picks: run.picks,
      inputTokens,
      cachedTokens,
      outputTokens,
      // The app's own pricing (the eval's cost column): without cache hits, and with the shared prefix cached.
      uncached: 1000 * costOf({ inputTokens, cachedInputTokens: 0, outputTokens }, PRICES),
      cached: 1000 * costOf({ inputTokens, cachedInputTokens: cachedTokens, outputTokens }, PRICES),
    });
  }
  return { prices: PRICES, sharedPrefix, cachedTokens, rows };
}
