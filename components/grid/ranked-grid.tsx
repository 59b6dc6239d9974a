import { getProducts } from "@/lib/catalog/catalog";
import type { Product } from "@/lib/catalog/types";
import { getConfig } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import type { RankingInput } from "@/lib/ranking/rank-products";
import { rankProducts } from "@/lib/ranking/rank-products";
import { abortOnExit } from "@/lib/stream/abort-on-exit";
import { ProductCard } from "@/components/product/product-card";
import type { GridEntry } from "./grid-entry";
import { RankedGridClient } from "./ranked-grid-client";

interface RankedGridProps {
  input: RankingInput;
}

const FIRST_ROW = 4;

/** Renders each ranked item as a server card, as the pipeline releases it. */
async function* renderCards(input: RankingInput, signal: AbortSignal): AsyncGenerator<GridEntry, void, undefined> {
  const config = getConfig();
  const byId = new Map<string, Product>(input.candidates.map((product) => [product.id, product]));
  for await (const event of rankProducts(input, {
    provider: getProvider(config),
    firstItemTimeoutMs: config.firstItemTimeoutMs,
    stallTimeoutMs: config.stallTimeoutMs,
    signal,
  })) {
    if (event.type === "done") {
      yield { type: "done", summary: event };
      continue;
    }
    const product = byId.get(event.id) ?? (await getProducts([event.id]))[0];
    if (!product) continue;
    yield {
      type: "card",
      id: event.id,
      rank: event.rank,
      source: event.source,
      card: <ProductCard product={product} item={event} priority={event.rank <= FIRST_ROW} />,
    };
  }
}

/** The "Picked for you" grid: starts the model at request time and streams cards into the page. */
export function RankedGrid({ input }: RankedGridProps) {
  const leave = new AbortController();
  const entries = abortOnExit(renderCards(input, leave.signal), leave);
  return <RankedGridClient entries={entries} total={input.candidates.length} />;
}
