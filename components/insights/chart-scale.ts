/** A linear map from data to SVG units; a domain of one value maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** 1, 2 or 5 × 10^k: the step a reader counts in. */
function niceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const leading = rough / magnitude;
  return (leading < 1.5 ? 1 : leading < 3 ? 2 : leading < 7 ? 5 : 10) * magnitude;
}

/**
 * A domain widened to round numbers around [min, max] and its ticks, about `count` of them. No spread
 * (every value the same) widens around the value; non-finite input gives [0, 1].
 */
export function niceDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return niceDomain(0, 1, count);
  let [low, high] = min <= max ? [min, max] : [max, min];
  if (low === high) {
    const pad = Math.abs(low) / 2 || 0.5;
    [low, high] = low === 0 ? [0, 1] : [low - pad, high + pad];
  }
  const step = niceStep((high - low) / Math.max(1, count));
  const start = Math.floor(low / step);
  const end = Math.ceil(high / step);
  // Multiples of the step, rounded so 0.1 × 3 reads 0.3 and never -0.
  const ticks = Array.from({ length: end - start + 1 }, (_, index) => Number(((start + index) * step).toPrecision(12)) + 0);
  return { domain: [start * step, end * step], ticks, step };
}
