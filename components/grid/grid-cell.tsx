import type { ReactNode } from "react";

/**
 * Each card placed re-lays out the grid, and the FLIP effect reads every card's place right after: places
 * off screen skip their layout and paint (their size is remembered, or estimated before first shown), so
 * a card's cost does not grow with the 72 places below the fold.
 */
export const OFFSCREEN_SKIPPED = "cell";

export const GRID_CLASSES = "grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4";

interface GridCellProps {
  id: string;
  /** A previous ranking's card the new one has not placed yet (dimmed). */
  stale?: boolean;
  children: ReactNode;
}

/** One place of the grid. Server-safe: the cards streamed before hydration use the very same markup. */
export function GridCell({ id, stale = false, children }: GridCellProps) {
  return (
    <li data-flip-key={id} data-stale={stale ? "true" : undefined} className="cell">
      {children}
    </li>
  );
}
