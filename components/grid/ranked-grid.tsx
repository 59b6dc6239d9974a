import { getProducts } from "@/lib/catalog/catalog";
import type { Product } from "@/lib/catalog/types";
import type { RankedItem, RankingEvent } from "@/lib/ranking/pipeline/events";
import { recordedShowing, recordShowing } from "@/lib/insights/record/showings";
import { modelUseFor, type Client } from "@/lib/ranking/service/limits/model-budget";
import { openLiveRanking } from "@/lib/ranking/service/live-rankings";
import type { PreparedRanking } from "@/lib/ranking/service/query";
import { findReplay, rankLive } from "@/lib/ranking/service/start-ranking";
import { abortOnExit } from "@/lib/stream/abort-on-exit";
import { ProductCard } from "@/components/product/product-card";
import { EARLY_GRID_ID, EarlyCardsInstaller } from "./early-cards-installer";
import type { GridEntry } from "./grid-entry";
import type { CardEntry } from "./grid-store";
import { RankedGridClient } from "./ranked-grid-client";

interface RankedGridProps {
  input: PreparedRanking;
  /** How many of the candidates the model picks (the rest follow in the embedded ranker's order). */
  picks: number;
  /** Who is asking: a fresh model ranking comes out of their budget (a replay is free). */
  client: Client;
  /** Aborts when the page's client disconnects. */
  clientGone?: AbortSignal;
  /** A document load (not a client navigation): cards may close before the page hydrates. */
  documentLoad: boolean;
  /** The page's CSP nonce, for the scripts that place cards before hydration. */
  nonce?: string;
  /** The server's own warm-up (lib/process/warm-up-requests.ts): ranked whole, but never by the model, and free. */
  warmUp?: boolean;
}

const FIRST_ROW = 4;

/** Renders ranked items as server cards, as the pipeline releases them. */
async function* renderCards(input: PreparedRanking, events: AsyncIterable<RankingEvent>): AsyncGenerator<GridEntry, void, undefined> {
  const byId = new Map<string, Product>(input.candidates.map((product) => [product.id, product]));
  for await (const event of events) {
    if (event.type === "done") {
      yield { type: "done", summary: event };
      continue;
    }
    const product = byId.get(event.id) ?? (await getProducts([event.id]))[0];
    if (product) yield cardEntry(product, event);
  }
}

function cardEntry(product: Product, item: RankedItem): CardEntry {
  return { type: "card", id: item.id, source: item.source, card: <ProductCard product={product} item={item} priority={item.rank <= FIRST_ROW} /> };
}

async function* released<T>(source: AsyncIterable<T>, finish: () => void): AsyncGenerator<T, void, undefined> {
  try {
    yield* source;
  } finally {
    finish();
  }
}

/**
 * The "Picked for you" grid. A stored ranking for the same inputs is rendered whole into the first HTML (no
 * model call). Otherwise the model starts at request time and each card streams into the page through the
 * client grid's stream, which also writes the cards that close before the page hydrates into the HTML itself
 * (early-cards.tsx). It stops the model when the client disconnects, and when the page says it is gone.
 */
export async function RankedGrid({ input, picks, client, clientGone, documentLoad, nonce, warmUp = false }: RankedGridProps) {
  const candidateIds = input.candidates.map((product) => product.id);
  const stored = await findReplay(input);
  if (stored) {
    const rankingId = crypto.randomUUID();
    if (!warmUp) recordShowing({ id: rankingId, browserId: client.browserId, arm: "model" }, 0);
    const byId = new Map(input.candidates.map((product) => [product.id, product]));
    const cards = stored.items.flatMap((item) => {
      const product = byId.get(item.id);
      return product ? [cardEntry(product, item)] : [];
    });
    // In the same place as a live ranking's grid (see below), so a re-rank that replays keeps the grid's state.
    return (
      <>
        {null}
        <RankedGridClient whole={{ cards, summary: stored.summary, failed: false }} candidateIds={candidateIds} picks={picks} rankingId={rankingId} replayed />
        {null}
      </>
    );
  }

  // Over the client's budget: the embedded ranker's order at once, and the status line says why (the server's
  // own warm-up takes the same paths without the model).
  // An arm without the model (AISLE_EXPERIMENT) spends no budget.
  const use = input.arm === "model" ? await modelUseFor(client, { warmUp }) : ({ model: true } as const);
  const ranking = openLiveRanking(clientGone);
  const live = rankLive(input, ranking.signal, use.model ? undefined : use.outcome);
  // A showing a browser can click on is recorded (attribution); the server's own warm-up is nobody's.
  const events = warmUp || input.candidates.length === 0 ? live : recordedShowing(live, { id: ranking.id, browserId: client.browserId, arm: input.arm });
  const entries = abortOnExit(released(renderCards(input, events), ranking.finish), ranking.leave);
  const earlyGridId = documentLoad ? EARLY_GRID_ID : undefined;
  // The same three places either way: the client grid keeps its state (the previous cards) across re-ranks.
  return (
    <>
      {earlyGridId ? <EarlyCardsInstaller nonce={nonce} /> : null}
      <RankedGridClient entries={entries} earlyGridId={earlyGridId} nonce={nonce} candidateIds={candidateIds} picks={input.arm === "model" ? picks : 0} rankingId={ranking.id} arm={input.arm} />
      {null}
    </>
  );
}
