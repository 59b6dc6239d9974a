"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { cancelRankingOnServer } from "./cancel-ranking";
import { CardSkeleton } from "./card-skeleton";
import type { GridEntry } from "./grid-entry";
import { EMPTY_GRID, gridStoreFor, type CardEntry, type GridSnapshot, type GridStore } from "./grid-store";
import { rankingStatus } from "./ranking-status";
import { useFlip } from "./use-flip";

interface RankedGridClientProps {
  /** Server-rendered cards, streamed one by one as the pipeline validates them. */
  entries: AsyncIterable<GridEntry>;
  /** The products being ranked: placeholders hold the next places not ranked yet. */
  candidateIds: readonly string[];
  /** How many of them the model picks; the rest follow in the embedded ranker's order. */
  picks: number;
  /** The server's id for this ranking: leaving the page cancels it. */
  rankingId: string;
}

const getServerSnapshot = () => EMPTY_GRID;

/**
 * Placeholders hold the next places only (two rows on a desktop, four on a phone): enough to fill the
 * screen, without the page hydrating and re-rendering one for each of 72 products.
 */
const PLACEHOLDERS_AHEAD = 8;

/**
 * Each card placed re-lays out the grid, and the FLIP effect reads every card's place right after: places
 * off screen skip their layout and paint (their size is remembered, or estimated before first shown), so
 * a card's cost does not grow with the 72 places below the fold.
 */
const OFFSCREEN_SKIPPED = "[content-visibility:auto] [contain-intrinsic-size:auto_420px]";

/** The cards a ranking shows: its own, then (while it streams) the previous ranking's cards it has not placed yet. */
function visibleCards({ cards, summary, failed }: GridSnapshot, previous: readonly CardEntry[], candidates?: ReadonlySet<string>): CardEntry[] {
  if (summary !== null || failed) return [...cards];
  const placed = new Set(cards.map((card) => card.id));
  return [...cards, ...previous.filter((card) => !placed.has(card.id) && (!candidates || candidates.has(card.id)))];
}

/**
 * Appends each card the moment it arrives. Reading the stream in a store (not one Suspense boundary per
 * card) avoids React's batched reveal of Suspense boundaries, so cards appear one at a time.
 *
 * A new ranking (a cart change, a search, a filter) arrives as a new stream while this component stays:
 * the previous cards stay on screen, dimmed, after the new ranking's cards, and each re-ranked card glides
 * to its new place as it arrives. The grid is never blank.
 */
export function RankedGridClient({ entries, candidateIds, picks, rankingId }: RankedGridClientProps) {
  const store = gridStoreFor(entries);
  const { cards, summary, failed } = useSyncExternalStore(store.subscribe, store.getSnapshot, getServerSnapshot);
  const done = summary !== null || failed;

  // When a new ranking arrives, the cards the old one showed stay on screen until the new one places them.
  const [tracked, setTracked] = useState<{ store: GridStore; previous: readonly CardEntry[] }>({ store, previous: [] });
  let previous = tracked.previous;
  if (tracked.store !== store) {
    previous = visibleCards(tracked.store.getSnapshot(), tracked.previous);
    setTracked({ store, previous });
  }
  const visible = visibleCards({ cards, summary, failed }, previous, new Set(candidateIds));
  const placeholders = done ? 0 : Math.min(Math.max(candidateIds.length - visible.length, 0), PLACEHOLDERS_AHEAD);
  const reranking = visible.length > cards.length;

  const list = useRef<HTMLOListElement>(null);
  useFlip(list);

  // A client-side navigation or a new ranking unmounts this stream's view; closing the tab fires pagehide.
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

  // The model's picks come first; "More for you" heads the rest of this ranking's cards.
  const firstMore = cards.findIndex((card) => card.source === "fallback");
  return (
    <div>
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-ink-soft" data-testid="ranking-status">
        {rankingStatus({ shown: cards.length, picked: firstMore === -1 ? cards.length : firstMore, picks, total: candidateIds.length, summary, failed, reranking })}
      </p>
      <ol
        ref={list}
        data-testid="ranked-grid"
        data-state={done ? "done" : "streaming"}
        data-replay={summary?.replay ? "true" : undefined}
        data-first-item-ms={summary?.firstItemMs ?? undefined}
        aria-busy={!done}
        className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4"
      >
        {visible.map((entry, index) => [
          index === firstMore ? <MoreForYou key="more-for-you" /> : null,
          <li
            key={entry.id}
            data-flip-key={entry.id}
            data-stale={index >= cards.length ? "true" : undefined}
            className={`${OFFSCREEN_SKIPPED} transition-opacity duration-300 data-[stale=true]:opacity-50`}
          >
            {entry.card}
          </li>,
        ])}
        {Array.from({ length: placeholders }, (_, index) => (
          <li key={`placeholder-${index}`} aria-hidden className={OFFSCREEN_SKIPPED}>
            <CardSkeleton />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Heads the cards after the model's picks: honest that the model did not place them. */
function MoreForYou() {
  return (
    <li data-flip-key="more-for-you" data-testid="more-for-you" className="col-span-full mt-4 border-t border-zinc-200 pt-4">
      <h2 className="text-lg font-semibold tracking-tight">More for you</h2>
      <p className="text-sm text-ink-soft">Not among the model&rsquo;s picks: ordered instantly by Aisle&rsquo;s own ranker from your profile and activity.</p>
    </li>
  );
}
