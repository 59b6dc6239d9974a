import type { RankingSummary } from "@/lib/ranking/pipeline/events";
import type { GridEntry } from "./grid-entry";

export type CardEntry = Extract<GridEntry, { type: "card" }>;

export interface GridSnapshot {
  cards: readonly CardEntry[];
  summary: RankingSummary | null;
  failed: boolean;
}

export interface GridStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): GridSnapshot;
  /**
   * Marks the grid as shown; the returned function marks it gone. When no view is left (after React has
   * had its chance to remount, as StrictMode does) and the ranking is unfinished, `onAbandon` runs once.
   */
  retain(onAbandon: () => void): () => void;
  /**
   * The ranking's card at `index` once it has arrived, or undefined once the ranking ended before it. The
   * same promise for the same index, so a component may suspend on it (React's `use`).
   */
  cardAt(index: number): Promise<CardEntry | undefined>;
}

export const EMPTY_GRID: GridSnapshot = { cards: [], summary: null, failed: false };

const stores = new WeakMap<AsyncIterable<GridEntry>, GridStore>();

/**
 * Reads a streamed ranking exactly once, however often React mounts the component that shows it
 * (StrictMode mounts twice; a stream can be read only once), and publishes each card as it arrives.
 */
export function gridStoreFor(entries: AsyncIterable<GridEntry>): GridStore {
  let store = stores.get(entries);
  if (!store) {
    store = readIntoStore(entries);
    stores.set(entries, store);
  }
  return store;
}

const fixed = new WeakMap<GridSnapshot, GridStore>();

/** A ranking that is whole before the page renders (a replay): nothing to read, nothing to abandon. */
export function fixedGridStore(snapshot: GridSnapshot): GridStore {
  let store = fixed.get(snapshot);
  if (!store) {
    const { cards } = snapshot;
    store = { subscribe: () => () => {}, getSnapshot: () => snapshot, retain: () => () => {}, cardAt: (index) => Promise.resolve(cards[index]) };
    fixed.set(snapshot, store);
  }
  return store;
}

function readIntoStore(entries: AsyncIterable<GridEntry>): GridStore {
  let snapshot = EMPTY_GRID;
  let finished = false;
  let views = 0;
  let abandoned = false;
  const listeners = new Set<() => void>();
  const waiting = new Map<number, { promise: Promise<CardEntry | undefined>; resolve: (card: CardEntry | undefined) => void }>();
  /** Settles every promised place the ranking has reached (all of them once it has finished). */
  const settle = () => {
    for (const [index, { resolve }] of waiting) {
      if (index < snapshot.cards.length || finished) resolve(snapshot.cards[index]);
    }
  };
  const publish = (next: GridSnapshot) => {
    snapshot = next;
    settle();
    for (const listener of listeners) listener();
  };
  void (async () => {
    try {
      for await (const entry of entries) {
        if (entry.type === "card") publish({ ...snapshot, cards: [...snapshot.cards, entry] });
        else publish({ ...snapshot, summary: entry.summary });
      }
    } catch {
      publish({ ...snapshot, failed: true });
    } finally {
      finished = true;
      settle();
    }
  })();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    cardAt(index) {
      let place = waiting.get(index);
      if (!place) {
        let resolve: (card: CardEntry | undefined) => void = () => {};
        const promise = new Promise<CardEntry | undefined>((settled) => (resolve = settled));
        place = { promise, resolve };
        waiting.set(index, place);
        settle();
      }
      return place.promise;
    },
    retain(onAbandon) {
      views += 1;
      return () => {
        views -= 1;
        setTimeout(() => {
          if (views > 0 || finished || abandoned) return;
          abandoned = true;
          onAbandon();
        }, 0);
      };
    },
  };
}
