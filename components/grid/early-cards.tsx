import { Suspense, use } from "react";
import { PLACE_EARLY_CARD } from "./early-cards-installer";
import { GridCell } from "./grid-cell";
import type { GridStore } from "./grid-store";
import { MoreForYou } from "./more-for-you";

// Cards that close before the page hydrates, on screen when they exist (docs/architecture.md §11).
//
// The client grid renders, after its list, one Suspense boundary per place. On the server each waits for its
// card in the grid's own stream, so the card's RSC row is the stream's, sent once; React writes a finished
// boundary's HTML into the response at once (only its reveal is throttled, and we never need the reveal).
// The boundary holds the card's markup in a <noscript> — text to a browser running scripts, so not in the DOM
// twice and never hydrated — and a one-line script ($AE, early-cards-installer.tsx) that parses it into the
// grid's server list. In the browser the same boundaries wait on the same stream, so they hydrate as rendered.

interface EarlyCardsProps {
  store: GridStore;
  /** How many places the ranking may fill. */
  count: number;
  nonce?: string;
  /** Head the embedded ranker's cards with "More for you" (not when no model picks: an experiment's arm). */
  divider: boolean;
}

/** One boundary per place, after the grid in the document, so each script finds the list already parsed. */
export function EarlyCards({ store, count, nonce, divider }: EarlyCardsProps) {
  return (
    <div hidden>
      {Array.from({ length: count }, (_, index) => (
        <Suspense key={index} fallback={null}>
          <EarlyCard store={store} index={index} nonce={nonce} divider={divider} />
        </Suspense>
      ))}
    </div>
  );
}

function EarlyCard({ store, index, nonce, divider }: { store: GridStore; index: number; nonce?: string; divider: boolean }) {
  const entry = use(store.cardAt(index));
  const before = index > 0 ? use(store.cardAt(index - 1)) : undefined;
  if (!entry) return null;
  const firstMore = divider && entry.source === "fallback" && (before === undefined || before.source === "model");
  return (
    <>
      <noscript>
        {firstMore ? <MoreForYou /> : null}
        <GridCell id={entry.id}>{entry.card}</GridCell>
      </noscript>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PLACE_EARLY_CARD }} />
    </>
  );
}
