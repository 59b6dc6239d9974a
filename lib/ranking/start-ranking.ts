import { getConfig } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import type { RankingEvent } from "./events";
import { rankProducts, type RankingInput } from "./rank-products";
import { rememberPick } from "./recent-picks";

/**
 * A ranking with this server's configuration (provider, deadlines), as the page and the API both run it.
 * The model's reasons are remembered for the product pages.
 */
export async function* startRanking(input: RankingInput, signal: AbortSignal): AsyncGenerator<RankingEvent, void, undefined> {
  const config = getConfig();
  for await (const event of rankProducts(input, {
    provider: getProvider(config),
    firstItemTimeoutMs: config.firstItemTimeoutMs,
    stallTimeoutMs: config.stallTimeoutMs,
    signal,
  })) {
    if (event.type === "item" && event.source === "model") rememberPick(input.shopper.id, event.id, event.reason);
    yield event;
  }
}
