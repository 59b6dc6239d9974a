import { writeReason } from "@/lib/embedded-ranker/reason";
import { scoreCandidates } from "@/lib/embedded-ranker/score";
import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";

export interface FallbackPlace {
  id: string;
  reason: string;
}

/**
 * Where the candidates the model did not pick go: the embedded ranker's order (docs/architecture.md §3.1) — personal,
 * instant and free — each with the reason that ranker writes from the features that scored.
 */
export function fallbackOrder(shopper: ShopperProfile, signals: LiveSignals, candidates: readonly Product[]): FallbackPlace[] {
  return scoreCandidates(candidates, shopper, signals).map((scored) => ({ id: scored.product.id, reason: writeReason(scored) }));
}
