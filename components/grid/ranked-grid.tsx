import { getProducts } from "@/lib/catalog/catalog";
import type { Product } from "@/lib/catalog/types";
import { openLiveRanking } from "@/lib/ranking/service/live-rankings";
import type { PreparedRanking } from "@/lib/ranking/service/query";
import { startRanking } from "@/lib/ranking/service/start-ranking";
import { abortOnExit } from "@/lib/stream/abort-on-exit";
import { ProductCard } from "@/components/product/product-card";
import type { GridEntry } from "./grid-entry";
import { RankedGridClient } from "./ranked-grid-client";

interface RankedGridProps {
  input: PreparedRanking;
  /** How many of the candidates the model picks (the rest follow in the embedded ranker's order). */
  picks: number;
  /** Aborts when the page's client disconnects. */
  clientGone?: AbortSignal;
}

const FIRST_ROW = 4;

/** Renders each ranked item as a server card, as the pipeline releases it. */
async function* renderCards(input: PreparedRanking, signal: AbortSignal, done: () => void): AsyncGenerator<GridEntry, void, undefined> {
  const byId = new Map<string, Product>(input.candidates.map((product) => [product.id, product]));
  try {
    for await (const event of startRanking(input, signal)) {
      if (event.type === "done") {
        yield { type: "done", summary: event };
        continue;
      }
      const product = byId.get(event.id) ?? (await getProducts([event.id]))[0];
      if (!product) continue;
      yield {
        type: "card",
        id: event.id,
        source: event.source,
        card: <ProductCard product={product} item={event} priority={event.rank <= FIRST_ROW} />,
      };
    }
  } finally {
    done();
  }
}

/**
 * The "Picked for you" grid: starts the model at request time and streams cards into the page. It stops the
 * model when the client disconnects, and when the page says it is gone (see live-rankings).
 */
export function RankedGrid({ input, picks, clientGone }: RankedGridProps) {
  const ranking = openLiveRanking(clientGone);
  const entries = abortOnExit(renderCards(input, ranking.signal, ranking.finish), ranking.leave);
  return <RankedGridClient entries={entries} candidateIds={input.candidates.map((product) => product.id)} picks={picks} rankingId={ranking.id} />;
}
