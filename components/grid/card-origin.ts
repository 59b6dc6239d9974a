import type { CardOrigin } from "@/lib/insights/record/event-input";

/**
 * Where a card stands in the ranking shown (attribution, docs/architecture.md §19): read from the card's own
 * attributes when it is used, so no card carries anything more for it.
 */
export function cardOrigin(target: EventTarget | null, rankingId: string | null): (CardOrigin & { productId: string }) | undefined {
  if (!rankingId || !(target instanceof Element)) return undefined;
  const card = target.closest<HTMLElement>('[data-testid="ranked-card"]');
  const position = Number(card?.dataset.rank);
  const source = card?.dataset.source;
  const productId = card?.dataset.productId;
  if (!productId || !Number.isInteger(position) || position < 1 || (source !== "model" && source !== "fallback")) return undefined;
  return { rankingId, position, source, productId };
}
