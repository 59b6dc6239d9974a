import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";

// How many products a page could show, counted exactly up to a cap: past it, "at least" is all a shopper
// needs ("1,000+ matches"), and counting all 20,000 matches of "wireless" would cost more than the search.

export const MATCH_COUNT_CAP = 1_000;

export interface MatchCount {
  /** Exact up to MATCH_COUNT_CAP, else the cap. */
  matches: number;
  /** More products than `matches` says. */
  moreMatches: boolean;
}

/**
 * Counts `products p` rows meeting `where`, stopping one past the cap. A full-text condition is ordered by an
 * expression no index holds ("popularity + 0"), so the planner reads the matches from the full-text index
 * rather than scanning the table until it has found enough (it expects that to be quick; checking each
 * product's words is not). A category or the whole store is counted as it comes.
 */
export async function countMatches(db: Db, where: SQL, { fullText }: { fullText: boolean }): Promise<MatchCount> {
  const [row] = await rowsOf<{ matches: number }>(
    db,
    sql`select count(*)::int as matches from (select 1 from products p where ${where} ${fullText ? sql`order by p.popularity + 0` : sql``} limit ${MATCH_COUNT_CAP + 1}) as found`,
  );
  const matches = row?.matches ?? 0;
  return { matches: Math.min(matches, MATCH_COUNT_CAP), moreMatches: matches > MATCH_COUNT_CAP };
}
