"use client";

import { useEffect, useSyncExternalStore } from "react";
import { cancelRankingOnServer } from "./cancel-ranking";
import { CardSkeleton } from "./card-skeleton";
import type { GridEntry } from "./grid-entry";
import { EMPTY_GRID, gridStoreFor } from "./grid-store";

interface RankedGridClientProps {
  /** Server-rendered cards, streamed one by one as the pipeline validates them. */
  entries: AsyncIterable<GridEntry>;
  /** How many candidates are being ranked: the placeholders hold their places. */
  total: number;
  /** The server's id for this ranking: leaving the page cancels it. */
  rankingId: string;
}

const getServerSnapshot = () => EMPTY_GRID;

/**
 * Appends each card the moment it arrives. Reading the stream in a store (not one Suspense boundary per
 * card) avoids React's batched reveal of Suspense boundaries, so cards appear one at a time.
 */
export function RankedGridClient({ entries, total, rankingId }: RankedGridClientProps) {
  const store = gridStoreFor(entries);
  const { cards, summary, failed } = useSyncExternalStore(store.subscribe, store.getSnapshot, getServerSnapshot);
  const done = summary !== null || failed;

  // A client-side navigation or a new ranking unmounts this grid; closing the tab fires pagehide.
  useEffect(() => {
    const cancel = () => cancelRankingOnServer(rankingId);
    const release = store.retain(cancel);
    const onPageHide = () => {
      if (store.getSnapshot().summary === null) cancel();
    };
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      release();
    };
  }, [store, rankingId]);
  const placeholders = done ? 0 : Math.max(total - cards.length, 0);

  return (
    <div>
      <p role="status" aria-live="polite" className="mb-3 text-sm text-ink-soft" data-testid="ranking-status">
        {failed
          ? `The ranking stopped early: showing ${cards.length} of ${total}.`
          : done
            ? `All ${cards.length} ranked${summary && summary.fallback > 0 ? ` (${summary.fallback} in popular order)` : ""}.`
            : `${cards.length} of ${total} ranked…`}
      </p>
      <ol
        data-testid="ranked-grid"
        data-state={done ? "done" : "streaming"}
        aria-busy={!done}
        className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4"
      >
        {cards.map((entry) => (
          <li key={entry.id}>{entry.card}</li>
        ))}
        {Array.from({ length: placeholders }, (_, index) => (
          <li key={`placeholder-${index}`} aria-hidden>
            <CardSkeleton />
          </li>
        ))}
      </ol>
    </div>
  );
}
