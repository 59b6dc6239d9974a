// The simulated shoppers' behaviour: one position-based click model (PBM), its constants in one place.
//
// A shopper looks down the ranked grid from position 1 to K and examines position p with probability θ_p, which
// falls with the position whatever is shown there; an examined card is clicked with a probability α that rises
// with how relevant the product is to this shopper (its hidden grade, 0–3). Examination and attraction are
// independent, so P(click at p) = θ_p · α(grade_p) — the examination hypothesis of the position-based model
// (Craswell, Zoeter, Taylor & Ramsey, "An experimental comparison of click position-bias models", WSDM 2008;
// Chuklin, Markov & de Rijke, "Click Models for Web Search", 2015, ch. 3). A clicked product goes into the cart
// with probability β(grade); a shopper leaving with a non-empty cart checks out with probability γ.
// Every decision is independent of the others, which is what makes the true effect exact (simulate/truth.ts).

export type Grade = 0 | 1 | 2 | 3;

/** Positions a shopper scans: the first screenful or so of the grid. */
export const SCAN_DEPTH = 24;

/** θ_p = 1 / p^EXAMINATION_DECAY: position 1 is always examined, position 24 about one time in nine. */
export const EXAMINATION_DECAY = 0.7;

/** α: P(click | examined), by hidden grade. */
export const ATTRACTION: Readonly<Record<Grade, number>> = { 0: 0.02, 1: 0.08, 2: 0.25, 3: 0.5 };

/** β: P(add to cart | clicked), by hidden grade. */
export const ADD_TO_CART: Readonly<Record<Grade, number>> = { 0: 0.05, 1: 0.15, 2: 0.35, 3: 0.6 };

/** γ: P(check out | the cart holds something at the end of the visit). */
export const CHECKOUT = 0.7;

/** θ_p, for a 1-based position. */
export function examination(position: number): number {
  return 1 / position ** EXAMINATION_DECAY;
}

/** A grade as the model reads it: unlisted or out-of-range grades are 0, fractions round down. */
export function gradeOf(relevance: Readonly<Record<string, number>>, productId: string): Grade {
  const grade = Math.floor(relevance[productId] ?? 0);
  return (grade >= 3 ? 3 : grade <= 0 ? 0 : grade) as Grade;
}

/** P(click at `position`) = θ_p · α(grade). */
export function clickProbability(position: number, grade: Grade): number {
  return examination(position) * ATTRACTION[grade];
}
