import type { ReactNode } from "react";
import type { RankedItem, RankingSummary } from "@/lib/ranking/pipeline/events";

/** What the server streams to the grid: rendered cards, one at a time, then the ranking's summary. */
export type GridEntry =
  | { type: "card"; id: string; source: RankedItem["source"]; card: ReactNode }
  | { type: "done"; summary: RankingSummary };
