"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { cancelRankingOnServer } from "./cancel-ranking";
import { EarlyCards } from "./early-cards";
import type { Arm } from "@/lib/experiments/experiment";
import { CardSkeleton } from "./card-skeleton";
import { DismissCard } from "./dismiss-card";
import { reportCardOpen } from "./report-card-open";
import { ShownRanking } from "./shown-ranking";
import { GRID_CLASSES, GridCell, OFFSCREEN_SKIPPED } from "./grid-cell";
import type { GridEntry } from "./grid-entry";
import { EMPTY_GRID, fixedGridStore, gridStoreFor, type CardEntry, type GridSnapshot, type GridStore } from "./grid-store";
import { MoreForYou } from "./more-for-you";
import { rankingStatus } from "./ranking-status";
import { useFlip } from "./use-flip";

interface RankedGridClientProps {
  /** A live ranking: server-rendered cards, streamed one by one as the pipeline validates them. */
  entries?: AsyncIterable<GridEntry>;
  /** A ranking whole before the page rendered (a replay): in the first HTML, visible at first paint. */
  whole?: GridSnapshot;
  /** Where the cards that arrive before hydration are placed (see early-cards.tsx); live rankings only. */
  earlyGridId?: string;
  /** The page's CSP nonce, for the scripts that place cards before hydration. */
  nonce?: string;
  /** The products being ranked: placeholders hold the next places not ranked yet. */
  candidateIds: readonly string[];
  /** How many of them the model picks; the rest follow in the embedded ranker's order. */
  picks: number;
  /** This showing of the ranking (`data-ranking-id`); for a live one also the server's id, which leaving cancels. */
  rankingId?: string;
  /** A stored ranking shown whole: nothing to cancel. */
  replayed?: boolean;
  /** The experiment arm ranking it; without the model there are no picks to set apart. */
  arm?: Arm;
}

const emptyGrid = () => EMPTY_GRID;
const noSubscription = () => () => {};

/**
 * Placeholders hold the next places only (two rows on a desktop, four on a phone): enough to fill the
 * screen, without the page hydrating and re-rendering one for each of 72 products.
 */
const PLACEHOLDERS_AHEAD = 8;

/** The cards a ranking shows: its own, then (while it streams) the previous ranking's cards it has not placed yet. */
function visibleCards({ cards, summary, failed }: GridSnapshot, previous: readonly CardEntry[], candidates?: ReadonlySet<string>): CardEntry[] {
  if (summary !== null || failed) return [...cards];
  const placed = new Set(cards.map((card) => card.id));
  return [...cards, ...previous.filter((card) => !placed.has(card.id) && (!candidates || candidates.has(card.id)))];
}

/** Cards the page placed before hydration (the divider is not a card). */
function earlyCardCount(earlyGridId: string): number {
  return document.getElementById(earlyGridId)?.querySelectorAll(":scope > [data-flip-key]:not([data-flip-key=more-for-you])").length ?? 0;
}

/**
 * Appends each card the moment it arrives. Reading the stream in a store (not one Suspense boundary per
 * card) avoids React's batched reveal of Suspense boundaries, so cards appear one at a time.
 *
 * Before hydration the cards are placed by the server's own HTML (early-cards.tsx) in a list React leaves
 * alone; once this component has read at least as many, it takes the list over in one commit, before paint:
 * no flash, no duplicate, the same order (docs/architecture.md §11).
 *
 * A new ranking (a cart change, a search, a filter) arrives as a new stream while this component stays:
 * the previous cards stay on screen, dimmed, after the new ranking's cards, and each re-ranked card glides
 * to its new place as it arrives. The grid is never blank.
 */
export function RankedGridClient({ entries, whole, earlyGridId, nonce, candidateIds, picks, rankingId, replayed = false, arm = "model" }: RankedGridClientProps) {
  const store = whole ? fixedGridStore(whole) : gridStoreFor(entries ?? emptyStream);
  const { cards, summary, failed } = useSyncExternalStore(store.subscribe, store.getSnapshot, whole ? store.getSnapshot : emptyGrid);
  const done = summary !== null || failed;

  // True on the server and while hydrating: only a hydrated page can have cards placed before it.
  const hydrating = useSyncExternalStore(noSubscription, () => false, () => true);
  const [early, setEarly] = useState(() => hydrating && earlyGridId !== undefined);

  // When a new ranking arrives, the cards the old one showed stay on screen until the new one places them.
  const [tracked, setTracked] = useState<{ store: GridStore; previous: readonly CardEntry[] }>({ store, previous: [] });
  let previous = tracked.previous;
  if (tracked.store !== store) {
    previous = visibleCards(tracked.store.getSnapshot(), tracked.previous);
    setTracked({ store, previous });
  }
  // "Not interested": off the grid at once; the re-ranking it starts leaves the product out anyway.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const dismiss = useCallback((id: string) => setDismissed((before) => new Set(before).add(id)), []);
  const visible = visibleCards({ cards, summary, failed }, previous, new Set(candidateIds)).filter((entry) => !dismissed.has(entry.id));
  const placeholders = done ? 0 : Math.min(Math.max(candidateIds.length - visible.length, 0), PLACEHOLDERS_AHEAD);
  const reranking = visible.length > cards.length;

  // The hand-over, after a commit and before paint, once this component has read every card the server's HTML
  // placed (a DOM the server wrote, outside React: an external system, so state set from an effect).
  const newRanking = tracked.store !== store;
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    if (early && (done || newRanking || cards.length >= earlyCardCount(earlyGridId ?? ""))) setEarly(false);
  }, [early, done, newRanking, cards.length, earlyGridId]);

  const list = useRef<HTMLOListElement>(null);
  useFlip(list);

  // A client-side navigation or a new ranking unmounts this stream's view; closing the tab fires pagehide.
  useEffect(() => {
    if (!rankingId || replayed) return;
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
  }, [store, rankingId, replayed]);

  // The model's picks come first; "More for you" heads the rest of this ranking's cards.
  const firstMore = cards.findIndex((card) => card.source === "fallback");
  // Among what is shown (a dismissed card is not): this ranking's cards, and the first of its "more for you".
  const fresh = new Set<CardEntry>(cards);
  const moreHead = arm === "model" ? visible.find((entry) => fresh.has(entry) && entry.source === "fallback") : undefined;
  return (
    <DismissCard value={dismiss}>
    <ShownRanking value={rankingId ?? null}>
    {/* A card opened from here is reported (attribution); the early cards before hydration are plain links. */}
    <div onClick={(event) => reportCardOpen(event, rankingId ?? null)} onAuxClick={(event) => reportCardOpen(event, rankingId ?? null)}>
      <p role="status" aria-live="polite" className="mb-3 min-h-5 text-sm text-ink-soft" data-testid="ranking-status">
        {early
          ? "Picking for you…"
          : rankingStatus({ shown: cards.length, picked: firstMore === -1 ? cards.length : firstMore, picks, total: candidateIds.length, summary, failed, reranking, arm })}
      </p>
      {early ? (
        <>
          {/* The server's HTML places cards here before hydration; React leaves the inside alone. */}
          <ol
            key="early"
            id={earlyGridId}
            data-testid="ranked-grid"
            data-state="streaming"
            aria-busy
            className={GRID_CLASSES}
            dangerouslySetInnerHTML={{ __html: "" }}
            suppressHydrationWarning
          />
          <ol aria-hidden className={`${GRID_CLASSES} mt-3 sm:mt-4`}>
            {Array.from({ length: Math.min(candidateIds.length, PLACEHOLDERS_AHEAD) }, (_, index) => (
              <li key={index}>
                <CardSkeleton />
              </li>
            ))}
          </ol>
          {earlyGridId ? <EarlyCards store={store} count={candidateIds.length} nonce={nonce} divider={arm === "model"} /> : null}
        </>
      ) : (
        <ol
          key="live"
          ref={list}
          data-testid="ranked-grid"
          data-state={done ? "done" : "streaming"}
          data-replay={summary?.replay ? "true" : undefined}
          data-ranking-id={rankingId}
          data-arm={summary?.arm}
          data-first-item-ms={summary?.firstItemMs ?? undefined}
          aria-busy={!done}
          className={GRID_CLASSES}
        >
          {visible.map((entry) => [
            entry === moreHead ? <MoreForYou key="more-for-you" /> : null,
            <GridCell key={entry.id} id={entry.id} stale={!fresh.has(entry)}>
              {entry.card}
            </GridCell>,
          ])}
          {Array.from({ length: placeholders }, (_, index) => (
            <li key={`placeholder-${index}`} aria-hidden className={OFFSCREEN_SKIPPED}>
              <CardSkeleton />
            </li>
          ))}
        </ol>
      )}
    </div>
    </ShownRanking>
    </DismissCard>
  );
}

const emptyStream: AsyncIterable<GridEntry> = { [Symbol.asyncIterator]: async function* () {} };
