import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { ADD_TO_CART, CHECKOUT, SCAN_DEPTH, clickProbability, type Grade } from "./model";

// What one shopper does with a ranking, drawn from the click model before any request is made: the draws are
// the same whatever the store's timing, so a seed replays the same decisions for the same rankings.

export interface VisitPlan {
  /** Clicked positions (1-based, ascending), each with whether the product then goes into the cart. */
  clicks: { position: number; addToCart: boolean }[];
  /** Whether a shopper leaving with a non-empty cart checks out. */
  checkout: boolean;
}

/** `grades` in rank order; positions past SCAN_DEPTH are never examined. */
export function planVisit(rng: RandomGenerator, grades: readonly Grade[]): VisitPlan {
  const clicks: VisitPlan["clicks"] = [];
  grades.slice(0, SCAN_DEPTH).forEach((grade, index) => {
    const position = index + 1;
    if (uniformFloat64(rng) < clickProbability(position, grade)) clicks.push({ position, addToCart: uniformFloat64(rng) < ADD_TO_CART[grade] });
  });
  const checkout = clicks.some((click) => click.addToCart) && uniformFloat64(rng) < CHECKOUT;
  return { clicks, checkout };
}
