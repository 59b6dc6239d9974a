/**
 * Sums over the experiment's units (shoppers) of a ratio metric's numerator x and denominator y — e.g. for CTR,
 * x = a shopper's rankings with a click and y = their rankings. Sums, not the units, so arms and days add up.
 */
export interface RatioSample {
  n: number;
  sumX: number;
  sumY: number;
  sumXX: number;
  sumYY: number;
  sumXY: number;
}

export function ratioSample(units: Iterable<{ x: number; y: number }>): RatioSample {
  const sample: RatioSample = { n: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0 };
  for (const { x, y } of units) {
    sample.n += 1;
    sample.sumX += x;
    sample.sumY += y;
    sample.sumXX += x * x;
    sample.sumYY += y * y;
    sample.sumXY += x * y;
  }
  return sample;
}

/** Σx / Σy — the metric itself (clicks per ranking, not the mean of each shopper's CTR); null when Σy = 0. */
export function ratioMean(sample: RatioSample): number | null {
  if (sample.sumY === 0) return null;
  const mean = sample.sumX / sample.sumY;
  return Number.isFinite(mean) ? mean : null;
}

/**
 * Variance of the ratio Σx/Σy by the delta method (Deng, Knoblich, Lu 2018, "Applying the Delta Method in
 * Metric Analytics", KDD): the units are independent, a unit's clicks and rankings are not, so
 *   Var(x̄/ȳ) ≈ (σx² − 2R·σxy + R²·σy²) / (n·ȳ²),  R = x̄/ȳ,
 * which is the paper's σx²/ȳ² − 2x̄σxy/ȳ³ + x̄²σy²/ȳ⁴ over n, written once. The moments are the plug-in ones
 * (divided by n), so with every y = 1 this is exactly the proportion's p(1 − p)/n.
 * Null with fewer than two units or no denominator.
 */
export function ratioVariance(sample: RatioSample): number | null {
  const { n } = sample;
  const ratio = ratioMean(sample);
  if (n < 2 || ratio === null) return null;
  const meanX = sample.sumX / n;
  const meanY = sample.sumY / n;
  const varX = sample.sumXX / n - meanX * meanX;
  const varY = sample.sumYY / n - meanY * meanY;
  const covXY = sample.sumXY / n - meanX * meanY;
  const variance = (varX - 2 * ratio * covXY + ratio * ratio * varY) / (n * meanY * meanY);
  if (!Number.isFinite(variance)) return null;
  // Sums of squares minus squared sums can round a true zero to a hair below it.
  return Math.max(0, variance);
}
