import chi2gof from "@stdlib/stats-chi2gof";

/** Below this p the split is broken, not unlucky: GrowthBook's default SRM threshold, and the usual bar in the literature. */
export const SAMPLE_RATIO_P_THRESHOLD = 0.001;

/**
 * Sample-ratio mismatch: chi-squared goodness of fit of the units per arm against the configured weights; ok
 * when p ≥ 0.001 (SAMPLE_RATIO_P_THRESHOLD). A mismatch means assignment or logging
 * lost shoppers unevenly, so the arms no longer compare like with like.
 * Null when there is nothing to test: fewer than two arms, no units, weights summing to 0, or counts that are
 * not whole numbers.
 */
export function sampleRatioCheck(observed: readonly number[], weights: readonly number[]): { p: number; ok: boolean } | null {
  if (observed.length !== weights.length) return null;
  if (!observed.every((count) => Number.isInteger(count) && count >= 0)) return null;
  if (!weights.every((weight) => Number.isFinite(weight) && weight >= 0)) return null;
  const units = observed.reduce((sum, count) => sum + count, 0);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (units === 0 || totalWeight === 0) return null;

  // An arm configured at weight 0 that still has shoppers is a mismatch no test needs to weigh.
  if (observed.some((count, arm) => count > 0 && weights[arm] === 0)) return { p: 0, ok: false };
  const arms = weights.flatMap((weight, arm) => (weight > 0 ? [{ count: observed[arm] ?? 0, expected: (units * weight) / totalWeight }] : []));
  if (arms.length < 2) return null;

  const { pValue } = chi2gof(
    arms.map((arm) => arm.count),
    arms.map((arm) => arm.expected),
  );
  if (!Number.isFinite(pValue)) return null;
  return { p: pValue, ok: pValue >= SAMPLE_RATIO_P_THRESHOLD };
}
