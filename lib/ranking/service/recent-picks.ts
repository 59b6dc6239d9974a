// The model's latest reason for each product it picked, per shopper, so a product page can say why it was
// picked. Kept in this process's memory and bounded; stored rankings (the database) replace it later.

import { processSingleton } from "@/lib/process/process-singleton";

const MAX_SHOPPERS = 1_000;

// Written by the page and the API, read by product pages: one store for the whole process.
const picks = processSingleton("recent-picks", () => new Map<string, Map<string, string>>());

export function rememberPick(shopperId: string, productId: string, reason: string): void {
  let forShopper = picks.get(shopperId);
  if (forShopper) {
    // Re-insert: Map order is then least recently used first.
    picks.delete(shopperId);
  } else {
    forShopper = new Map();
    if (picks.size >= MAX_SHOPPERS) {
      const oldest = picks.keys().next().value;
      if (oldest !== undefined) picks.delete(oldest);
    }
  }
  picks.set(shopperId, forShopper);
  forShopper.set(productId, reason);
}

/** Why the model last picked this product for this shopper, if it did. */
export function recentPickReason(shopperId: string, productId: string): string | undefined {
  return picks.get(shopperId)?.get(productId);
}
