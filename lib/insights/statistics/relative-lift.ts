import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { ratioMean, ratioVariance, type RatioSample } from "./ratio-sample";

export interface Lift {
  /** R_t / R_c − 1: 0.05 is five percent more clicks per ranking than control. */
  value: number;
  ci: [number, number];
  /** Two-sided, against no difference. */
  p: number;
}

/**
 * Treatment vs control, relative difference (R_t / R_c − 1) with a (default 95%) confidence interval and a
 * two-sided p-value; null where not computable (no control, zero control mean, n < 2 in either arm).
 * The arms are independent samples, so the delta method for their ratio gives
 *   Var(Δ) ≈ Var(R_t)/R_c² + R_t²·Var(R_c)/R_c⁴
 * — GrowthBook's frequentist estimator (https://docs.growthbook.io/statistics/details), with each arm's
 * Var(R) from ratioVariance, which already accounts for clicks and rankings moving together within a shopper.
 */
export function relativeLift(treatment: RatioSample, control: RatioSample, confidence = 0.95): Lift | null {
  if (!(confidence > 0 && confidence < 1)) return null;
  const treatmentMean = ratioMean(treatment);
  const controlMean = ratioMean(control);
  const treatmentVariance = ratioVariance(treatment);
  const controlVariance = ratioVariance(control);
  if (treatmentMean === null || controlMean === null || treatmentVariance === null || controlVariance === null) return null;
  if (controlMean === 0) return null;

  const value = treatmentMean / controlMean - 1;
  const variance = treatmentVariance / controlMean ** 2 + (treatmentMean ** 2 * controlVariance) / controlMean ** 4;
  const se = Math.sqrt(variance);
  if (!Number.isFinite(value) || !Number.isFinite(se)) return null;
  // No spread in either arm: the difference is what it is (z = 0/0 would otherwise leak a NaN).
  if (se === 0) return { value, ci: [value, value], p: value === 0 ? 1 : 0 };

  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  // 2·Φ(−|z|) rather than 2·(1 − Φ(|z|)): the same number, without losing the small p-values to rounding.
  const p = Math.min(1, 2 * normalCdf(-Math.abs(value) / se, 0, 1));
  return { value, ci: [value - z * se, value + z * se], p };
}
