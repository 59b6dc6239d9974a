import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { showings } from "@/lib/db/schema";
import type { Arm } from "@/lib/experiments/experiment";
import { callCost } from "@/lib/llm/prices";
import type { RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { queueShowing, queueShowingCost } from "./batched-writes";
import { rememberedBrowser, rememberShowing } from "./recent-showings";

// Every ranking shown to a browser is recorded under its showing id, with its arm and what the model cost:
// the denominator of every rate on /insights, and the proof a click's ranking was shown to its browser.

export interface Showing {
  id: string;
  /** The browser it is shown to; a client without one (curl) is shown nothing that can be attributed. */
  browserId: string | undefined;
  arm: Arm;
}

/** What the model's tokens cost for a finished ranking: 0 with no model call (a replay, another arm), undefined when unpriced. */
export function showingCost(summary: RankingSummary): number | undefined {
  if (summary.replay || !summary.usage) return 0;
  return callCost(summary.provider, summary.model, summary.usage);
}

/** Records a showing whose ranking is already known (a replay, an arm's order): its cost settled at once. */
export function recordShowing(showing: Showing, costUsd: number | null = null): void {
  if (!showing.browserId) return;
  rememberShowing(showing.id, showing.browserId);
  queueShowing({ id: showing.id, browserId: showing.browserId, arm: showing.arm, costUsd, createdAt: new Date() });
}

/** Records a live ranking's showing as it starts, and its cost when its done line passes. */
export async function* recordedShowing(events: AsyncIterable<RankingEvent>, showing: Showing): AsyncGenerator<RankingEvent, void, undefined> {
  recordShowing(showing);
  for await (const event of events) {
    if (event.type === "done" && showing.browserId) {
      const cost = showingCost(event);
      if (cost !== undefined) queueShowingCost(showing.id, cost);
    }
    yield event;
  }
}

/** True when every one of these rankings was shown to this browser (remembered by this process, or written). */
export async function allShownTo(browserId: string, rankingIds: readonly string[]): Promise<boolean> {
  const unique = [...new Set(rankingIds)];
  const unwritten = unique.filter((id) => rememberedBrowser(id) !== browserId);
  if (unwritten.length === 0) return true;
  const db = await getDb();
  const found = await db
    .select({ id: showings.id })
    .from(showings)
    .where(and(inArray(showings.id, unwritten), eq(showings.browserId, browserId)));
  return found.length === unwritten.length;
}
