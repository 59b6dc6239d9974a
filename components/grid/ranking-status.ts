import type { Arm } from "@/lib/experiments/experiment";
import type { RankingSummary } from "@/lib/ranking/pipeline/events";

interface StatusInput {
  /** Cards of this ranking placed so far, and how many of them the model picked. */
  shown: number;
  picked: number;
  /** The picks asked of the model, and every candidate. */
  picks: number;
  total: number;
  summary: RankingSummary | null;
  failed: boolean;
  reranking: boolean;
  /** The experiment arm ranking it: without the model, the line says what ordered the grid instead. */
  arm?: Arm;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The grid's status line: it counts the model's picks, not the whole grid, and says where the rest came from. */
export function rankingStatus({ shown, picked, picks, total, summary, failed, reranking, arm = "model" }: StatusInput): string {
  if (failed) return `The ranking stopped early: showing ${shown} of ${total}.`;
  if (arm !== "model") {
    const order = arm === "popular" ? "in order of popularity" : "in Aisle's own order";
    return summary ? `${plural(summary.fallback, "product")} ${order}.` : `${shown} of ${plural(total, "product")} ${order}…`;
  }
  if (summary?.outcome === "rate-limited") {
    return `You asked for many fresh rankings this minute, so these ${summary.fallback} are in Aisle's own order, with no model call. The model picks for you again in a minute.`;
  }
  if (summary?.outcome === "over-capacity") {
    return `The model is busy right now, so these ${summary.fallback} are in Aisle's own order. Reload in a moment for its picks.`;
  }
  if (summary) {
    const rest = summary.fallback > 0 ? `, then ${summary.fallback} more for you in Aisle's own order` : "";
    const early = summary.outcome !== "complete" && summary.outcome !== "empty" ? " The model stopped early, so Aisle's own ranker placed the rest." : "";
    const replay = summary.replay ? " Replayed from a stored ranking: no model call." : "";
    return `${plural(summary.ranked, "pick")} by the model${rest}.${early}${replay}`;
  }
  if (shown > picked) return `${plural(picked, "pick")} by the model, then ${shown - picked} more for you…`;
  return `${reranking ? "Re-ranking: " : ""}${picked} of ${plural(picks, "pick")}…`;
}
