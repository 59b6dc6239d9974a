import { PRODUCTS } from "../../lib/catalog/data/products.ts";
import type { Product } from "../../lib/catalog/types.ts";
import type { ChatMessage } from "../../lib/llm/types.ts";
import { rankingResponseSchema } from "../../lib/ranking/pipeline/contract.ts";
import { buildRankingMessages, canonicalOrder } from "../../lib/ranking/pipeline/prompt.ts";
import { PROFILES } from "../../lib/shoppers/data/profiles.ts";
import type { LiveSignals, ShopperProfile, SignalProduct } from "../../lib/shoppers/types.ts";

// The model's request as the ranking pipeline builds it, for the prompt-cache and cost sections.
//
// `buildRankingRequest` (lib/ranking/pipeline/rank-products.ts) cannot be imported by `node bench/run.ts`:
// that file imports `@/lib/…` at run time (abortable, the scanner), an alias only Next and vitest resolve.
// Its two parts the bench needs come from the modules it uses — `buildRankingMessages` (prompt.ts) and
// `rankingResponseSchema` over the ids in canonical order (contract.ts), which import `@/…` for types
// only — and `requestMatchesServer` below checks the result against the running server's prompt length.

export const CANDIDATES: readonly Product[] = PRODUCTS;
export const SHOPPERS: readonly ShopperProfile[] = PROFILES;

export const NO_SIGNALS: LiveSignals = { cart: [], recentlyViewed: [], recentSearches: [], recentCategories: [] };

export interface BenchRequest {
  messages: ChatMessage[];
  responseSchema: Record<string, unknown>;
}

/** `buildRankingRequest(input, picks)`'s prompt and schema; `picks` "all" = every candidate, as the pipeline does. */
export function rankingRequest(shopper: ShopperProfile, signals: LiveSignals, picks: number | "all", candidates: readonly Product[] = CANDIDATES): BenchRequest {
  const count = picks === "all" ? candidates.length : Math.min(picks, candidates.length);
  const ids = canonicalOrder(candidates).map((product) => product.id);
  return { messages: buildRankingMessages({ shopper, signals, candidates }, count), responseSchema: rankingResponseSchema(ids) };
}

/**
 * The simulated model reports `inputTokens` as ⌈(the messages' contents + the schema's JSON) / 4 characters⌉ of
 * the request it was given: the same figure from the bench's request means the same prompt, to 4 characters.
 */
export function simulatedInputTokens(request: BenchRequest): number {
  const prompt = request.messages.map((message) => message.content).join("") + JSON.stringify(request.responseSchema);
  return Math.ceil(prompt.length / 4);
}

function signalProduct(id: string): SignalProduct {
  const product = PRODUCTS.find((candidate) => candidate.id === id);
  if (!product) throw new Error(`bench live signals: no product ${id} in the catalog`);
  // The columns, in the order, lib/signals/live-signals.ts selects them.
  return { id: product.id, name: product.name, brand: product.brand, kind: product.kind, category: product.category };
}

/** What each shopper might be doing right now: a cart item, two viewed products, a recent search and a category. */
const LIVE: Record<string, { cart: string; viewed: [string, string]; search: string; category: string }> = {
  "12345": { cart: "14", viewed: ["11", "20"], search: "yoga mat 5mm", category: "fitness" },
  "runner-maya": { cart: "30", viewed: ["32", "57"], search: "carbon plated racing shoes", category: "fitness" },
  "chef-omar": { cart: "47", viewed: ["50", "45"], search: "sourdough baking", category: "home-kitchen" },
  "reader-lin": { cart: "22", viewed: ["21", "16"], search: "fantasy paperback box set", category: "books" },
  "camper-jonas": { cart: "59", viewed: ["54", "58"], search: "ultralight sleeping bag", category: "outdoors" },
  "glow-priya": { cart: "68", viewed: ["64", "65"], search: "vitamin c serum", category: "beauty" },
};

export function liveSignalsFor(shopper: ShopperProfile): LiveSignals {
  const live = LIVE[shopper.id];
  if (!live) throw new Error(`bench live signals: none written for shopper ${shopper.id} (bench/support/ranking-request.ts)`);
  return {
    cart: [signalProduct(live.cart)],
    recentlyViewed: live.viewed.map(signalProduct),
    recentSearches: [live.search],
    recentCategories: [live.category],
  };
}

/** The model's answer as it would have written it: its picks in order, `{"products":[{id, reason}, …]}`. */
export function answerText(picks: readonly { id: string; reason: string }[]): string {
  return JSON.stringify({ products: picks.map(({ id, reason }) => ({ id, reason })) });
}
