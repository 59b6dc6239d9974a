import { writeReason } from "@/lib/embedded-ranker/reason";
import { scoreCandidates, type ShopperContext } from "@/lib/embedded-ranker/score";

export interface FallbackPlace {
  id: string;
  reason: string;
}

/**
 * Where the candidates the model did not pick go: the embedded ranker's order (docs/architecture.md §3.1) — personal,
 * instant and free — each with the reason that ranker writes from the features that scored.
 */
export function fallbackOrder(context: ShopperContext): FallbackPlace[] {
  return scoreCandidates(context).map((scored) => ({ id: scored.product.id, reason: writeReason(scored) }));
}
