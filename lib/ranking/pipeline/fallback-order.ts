import { baselineOrder } from "@/lib/catalog/baseline-order";
import type { Product } from "@/lib/catalog/types";
import { popularityReason, writeReason } from "@/lib/embedded-ranker/reason";
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

/** The experiment's `popular` arm: the catalog's baseline order (the products table's `popularity`), nothing personal. */
export function popularOrder(candidates: readonly Product[]): FallbackPlace[] {
  return baselineOrder(candidates).map((product) => ({ id: product.id, reason: popularityReason(product) }));
}
