// Published prices of a few models, US dollars per million tokens: the eval's cost column and the bench's cost
// per 1,000 rankings (bench/support/prices.ts) read them here. A model not listed gets no cost in the eval
// (shown as "—") unless `--price IN,CACHED,OUT` is given.

export interface Price {
  inputPerMillion: number;
  /** Input tokens served from the provider's prompt cache. */
  cachedInputPerMillion: number;
  outputPerMillion: number;
  source: string;
}

const OPENAI = "openai.com/api/pricing, as published April 2025";
const ANTHROPIC = "anthropic.com/pricing, as published October 2025";

export const PUBLISHED_PRICES: Readonly<Record<string, Price>> = {
  "gpt-4.1-mini": { inputPerMillion: 0.4, cachedInputPerMillion: 0.1, outputPerMillion: 1.6, source: OPENAI },
  "gpt-4.1": { inputPerMillion: 2, cachedInputPerMillion: 0.5, outputPerMillion: 8, source: OPENAI },
  "gpt-4.1-nano": { inputPerMillion: 0.1, cachedInputPerMillion: 0.025, outputPerMillion: 0.4, source: OPENAI },
  "gpt-4o-mini": { inputPerMillion: 0.15, cachedInputPerMillion: 0.075, outputPerMillion: 0.6, source: OPENAI },
  "claude-haiku-4-5": { inputPerMillion: 1, cachedInputPerMillion: 0.1, outputPerMillion: 5, source: ANTHROPIC },
};

/** The local simulated model costs nothing. */
const FREE: Price = { inputPerMillion: 0, cachedInputPerMillion: 0, outputPerMillion: 0, source: "runs locally" };

/** The price of a provider's model: by its name, with or without a `<provider>/` prefix; undefined when unknown. */
export function priceOf(provider: string, model: string): Price | undefined {
  if (provider === "simulated") return FREE;
  const bare = model.includes("/") ? model.slice(model.lastIndexOf("/") + 1) : model;
  return PUBLISHED_PRICES[model] ?? PUBLISHED_PRICES[bare];
}

export interface TokenCounts {
  inputTokens: number;
  cachedInputTokens: number | null;
  outputTokens: number;
}

/** US dollars for one call's tokens; cached input at the cached price. */
export function costOf(usage: TokenCounts, price: Price): number {
  const cached = usage.cachedInputTokens ?? 0;
  return ((usage.inputTokens - cached) * price.inputPerMillion + cached * price.cachedInputPerMillion + usage.outputTokens * price.outputPerMillion) / 1e6;
}

/** US dollars a provider's model call cost at its published price; undefined when the model has none. */
export function callCost(provider: string, model: string, usage: TokenCounts): number | undefined {
  const price = priceOf(provider, model);
  return price ? costOf(usage, price) : undefined;
}
