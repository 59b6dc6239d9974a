import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { describe, expect, it } from "vitest";
import { ratioMean, ratioSample, ratioVariance, type RatioSample } from "@/lib/insights/statistics/ratio-sample";
import { relativeLift } from "@/lib/insights/statistics/relative-lift";
import { sampleRatioCheck } from "@/lib/insights/statistics/sample-ratio";

// lib/insights/statistics against published worked examples (each cited where its numbers are written) and
// against numbers derived by hand in the comments where no source publishes them.

/** An arm of `n` shoppers with one ranking each, `clicked` of them clicked: the ratio is a proportion. */
function proportion(clicked: number, n: number): RatioSample {
  return ratioSample(Array.from({ length: n }, (_, unit) => ({ x: unit < clicked ? 1 : 0, y: 1 })));
}

/** The same sums for a non-whole count, as published examples round their rates (every x is 0 or 1, so Σx² = Σx). */
function proportionSums(rate: number, n: number): RatioSample {
  return { n, sumX: rate * n, sumY: n, sumXX: rate * n, sumYY: n, sumXY: rate * n };
}

describe("the ratio metric and its delta-method variance", () => {
  it("adds each shopper's clicks and rankings, and divides the sums", () => {
    const sample = ratioSample([
      { x: 1, y: 2 },
      { x: 0, y: 1 },
      { x: 3, y: 4 },
    ]);
    expect(sample).toEqual({ n: 3, sumX: 4, sumY: 7, sumXX: 10, sumYY: 21, sumXY: 14 });
    expect(ratioMean(sample)).toBeCloseTo(4 / 7, 12);
  });

  it("matches a small example worked by hand", () => {
    // Units (x, y) = (1, 2), (0, 1), (3, 4): R = 4/7, x̄ = 4/3, ȳ = 7/3.
    // Plug-in moments: σx² = 10/3 − 16/9 = 14/9, σy² = 21/3 − 49/9 = 14/9, σxy = 14/3 − 28/9 = 14/9.
    // Deng et al.: (σx²/ȳ² − 2x̄σxy/ȳ³ + x̄²σy²/ȳ⁴)/n = (14/9)(1 − 8/7 + 16/49)/(n·ȳ²) = (2/7)/(49/3) = 6/343.
    // The same from the residuals x − R·y = −1/7, −4/7, 5/7 (mean 0): their variance (1 + 16 + 25)/(49·3) = 2/7.
    const sample = ratioSample([
      { x: 1, y: 2 },
      { x: 0, y: 1 },
      { x: 3, y: 4 },
    ]);
    expect(ratioVariance(sample)).toBeCloseTo(6 / 343, 12);
  });

  it("reduces to p(1 − p)/n for a proportion, as in a published two-proportion example", () => {
    // https://creativeg.gr/playbooks/calculate-a-95-confidence-interval-for-relative-difference-in-conversion-rates/
    // Pc = 0.10 of Nc = 10010 (1001 conversions), Pv = 0.12 of Nv = 10050 (1206): "SDc = 0.002998", "SDv = 0.003241".
    const control = proportion(1001, 10_010);
    const variant = proportion(1206, 10_050);
    expect(ratioVariance(control)).toBeCloseTo((0.1 * 0.9) / 10_010, 15);
    expect(Math.sqrt(ratioVariance(control) ?? NaN)).toBeCloseTo(0.002998, 5);
    expect(Math.sqrt(ratioVariance(variant) ?? NaN)).toBeCloseTo(0.003241, 5);
  });

  it("gives a published interval for a difference of two proportions", () => {
    // https://blog.analytics-toolkit.com/2018/confidence-intervals-p-values-percent-change-relative-difference/
    // 1360 users each, 10% vs 12%: the one-sided 95% interval for the absolute difference is "[0.0003 ÷ 0.0397]",
    // i.e. 0.02 ± z(0.95)·√(Var_A + Var_B) with Var the proportion's p(1 − p)/n.
    const se = Math.sqrt((ratioVariance(proportionSums(0.1, 1360)) ?? NaN) + (ratioVariance(proportionSums(0.12, 1360)) ?? NaN));
    const z = normalQuantile(0.95, 0, 1);
    expect(0.02 - z * se).toBeCloseTo(0.0003, 4);
    expect(0.02 + z * se).toBeCloseTo(0.0397, 4);
  });

  it("is null without a denominator or with fewer than two shoppers, never NaN", () => {
    expect(ratioMean(ratioSample([]))).toBeNull();
    expect(ratioVariance(ratioSample([]))).toBeNull();
    expect(ratioMean(ratioSample([{ x: 0, y: 0 }]))).toBeNull();
    expect(ratioVariance(ratioSample([{ x: 1, y: 2 }]))).toBeNull();
    expect(ratioVariance(ratioSample([{ x: 0, y: 0 }, { x: 0, y: 0 }]))).toBeNull();
    // Every shopper alike: no spread, exactly 0 (not a rounding hair below it).
    expect(ratioVariance(ratioSample(Array.from({ length: 5 }, () => ({ x: 0.3, y: 1.7 }))))).toBe(0);
  });
});

describe("the relative lift", () => {
  // The creativeg.gr example above, as relative lift (the page itself uses another interval, so the numbers are
  // derived here by hand): Δ = 0.12/0.10 − 1 = 0.2;
  // Var(Δ) = Var_t/Pc² + Pt²·Var_c/Pc⁴ = 0.0032415²/0.01 + 0.0144·0.0029985²/0.0001 = 0.0010508 + 0.0012947 = 0.0023455,
  // se = 0.048430; 95%: 0.2 ± 1.959964·0.048430 = [0.10508, 0.29492]; z = 4.1297, p = 2·Φ(−4.1297) = 3.63e-5.
  const control = proportion(1001, 10_010);
  const treatment = proportion(1206, 10_050);

  it("matches the delta-method interval and p-value worked by hand for two proportions", () => {
    const lift = relativeLift(treatment, control);
    expect(lift?.value).toBeCloseTo(0.2, 10);
    expect(lift?.ci[0]).toBeCloseTo(0.10508, 4);
    expect(lift?.ci[1]).toBeCloseTo(0.29492, 4);
    expect(lift?.p).toBeCloseTo(3.63e-5, 6);
    // GrowthBook's form of the same estimator (https://docs.growthbook.io/statistics/details):
    // σ²_C·μ_T²/(μ_C⁴·n_C) + σ²_T/(μ_C²·n_T), σ² the per-unit variance p(1 − p).
    const growthbook = (0.1 * 0.9 * 0.12 ** 2) / (0.1 ** 4 * 10_010) + (0.12 * 0.88) / (0.1 ** 2 * 10_050);
    const se = ((lift?.ci[1] ?? NaN) - (lift?.ci[0] ?? NaN)) / (2 * normalQuantile(0.975, 0, 1));
    expect(se ** 2).toBeCloseTo(growthbook, 12);
  });

  it("is 0 with p = 1 for identical samples", () => {
    const lift = relativeLift(control, control);
    expect(lift?.value).toBe(0);
    expect(lift?.p).toBe(1);
    expect(lift?.ci[0]).toBeLessThan(0);
    expect(lift?.ci[1]).toBeGreaterThan(0);
  });

  it("is consistent when the arms swap: the inverse ratio, the other sign, |z| scaled by R_t/R_c", () => {
    const forward = relativeLift(treatment, control);
    const backward = relativeLift(control, treatment);
    if (!forward || !backward) throw new Error("both computable");
    expect(backward.value).toBeCloseTo(1 / (1 + forward.value) - 1, 12);
    expect(Math.sign(backward.value)).toBe(-Math.sign(forward.value));
    // Both variances share the numerator Var_t·R_c² + R_t²·Var_c, so z_backward / z_forward = R_t / R_c = 1.2.
    const z = (p: number) => -normalQuantile(p / 2, 0, 1);
    expect(z(backward.p) / z(forward.p)).toBeCloseTo(1.2, 6);
  });

  it("widens its interval at 99% and narrows it at 90%", () => {
    const at95 = relativeLift(treatment, control);
    const at99 = relativeLift(treatment, control, 0.99);
    const at90 = relativeLift(treatment, control, 0.9);
    if (!at95 || !at99 || !at90) throw new Error("all computable");
    expect(at99.ci[0]).toBeLessThan(at95.ci[0]);
    expect(at99.ci[1]).toBeGreaterThan(at95.ci[1]);
    expect(at90.ci[1] - at90.ci[0]).toBeLessThan(at95.ci[1] - at95.ci[0]);
    expect(at99.p).toBe(at95.p);
  });

  it("is null where it cannot be computed: no control, a zero control mean, fewer than two shoppers, a bad level", () => {
    const empty = ratioSample([]);
    expect(relativeLift(treatment, empty)).toBeNull();
    expect(relativeLift(treatment, proportion(0, 100))).toBeNull();
    expect(relativeLift(treatment, proportion(1, 1))).toBeNull();
    expect(relativeLift(proportion(1, 1), control)).toBeNull();
    expect(relativeLift(treatment, ratioSample([{ x: 1, y: 0 }, { x: 2, y: 0 }]))).toBeNull();
    for (const confidence of [0, 1, 1.5, Number.NaN]) expect(relativeLift(treatment, control, confidence)).toBeNull();
  });

  it("gives a point interval, never NaN, when neither arm varies", () => {
    const steady = (x: number) => ratioSample(Array.from({ length: 4 }, () => ({ x, y: 2 })));
    expect(relativeLift(steady(1), steady(1))).toEqual({ value: 0, ci: [0, 0], p: 1 });
    expect(relativeLift(steady(1.5), steady(1))).toEqual({ value: 0.5, ci: [0.5, 0.5], p: 0 });
  });
});

describe("the sample-ratio check", () => {
  it("reproduces Mendel's dihybrid cross against 9:3:3:1", () => {
    // https://www.ndsu.edu/pubweb/~mcclean/plsc431/mendel/mendel4.htm — 315 / 108 / 101 / 32 round-yellow,
    // round-green, wrinkled-yellow, wrinkled-green peas: "Chi-square value = 0.47", df = 3, p > 0.90 (p ≈ 0.925).
    const check = sampleRatioCheck([315, 108, 101, 32], [9, 3, 3, 1]);
    expect(check?.p).toBeCloseTo(0.925, 3);
    expect(check?.ok).toBe(true);
  });

  it("fails a published 60/40 split of a 50/50 experiment", () => {
    // https://en.wikipedia.org/wiki/Sample_ratio_mismatch — 600 vs 400 users, 50/50 expected: "p-value of 2.54 × 10-10".
    const check = sampleRatioCheck([600, 400], [50, 50]);
    expect(check?.p).toBeCloseTo(2.54e-10, 12);
    expect(check?.ok).toBe(false);
  });

  it("fails 44,000 vs 45,000 and passes 10,000 vs 10,050", () => {
    // https://srm.osc.garden — 44,000 vs 45,000 at 50/50: "A p-value of 0.0008", below the 0.001 bar.
    const skewed = sampleRatioCheck([44_000, 45_000], [1, 1]);
    expect(skewed?.p).toBeCloseTo(0.0008, 4);
    expect(skewed?.ok).toBe(false);
    // https://community.cxl.com/t/1072 — its R example, 10,000 vs 10,050 at 0.5/0.5: χ² = 50²/10,025·2 = 0.1247, p = 0.724.
    const fair = sampleRatioCheck([10_000, 10_050], [0.5, 0.5]);
    expect(fair?.p).toBeCloseTo(0.724, 3);
    expect(fair?.ok).toBe(true);
  });

  it("lets an unlucky but unbroken split pass: 10,000 vs 10,400 is p ≈ 0.005, above 0.001", () => {
    // By hand: expected 10,200 each, χ² = 2·200²/10,200 = 7.843, df = 1, p = 0.0051.
    const check = sampleRatioCheck([10_000, 10_400], [1, 1]);
    expect(check?.p).toBeCloseTo(0.0051, 4);
    expect(check?.ok).toBe(true);
  });

  it("tests against unequal weights, e.g. the storefront's model:50, embedded:25, popular:25", () => {
    expect(sampleRatioCheck([5_020, 2_480, 2_500], [50, 25, 25])?.ok).toBe(true);
    expect(sampleRatioCheck([3_400, 3_300, 3_300], [50, 25, 25])?.ok).toBe(false);
  });

  it("has nothing to test for a single arm, no shoppers, zero weights or mismatched lists", () => {
    expect(sampleRatioCheck([100], [1])).toBeNull();
    expect(sampleRatioCheck([0, 0], [1, 1])).toBeNull();
    expect(sampleRatioCheck([10, 12], [0, 0])).toBeNull();
    expect(sampleRatioCheck([10, 12], [1])).toBeNull();
    expect(sampleRatioCheck([10.5, 12], [1, 1])).toBeNull();
    expect(sampleRatioCheck([10, 12], [1, Number.NaN])).toBeNull();
  });

  it("fails at once when an arm weighted 0 has shoppers, and ignores it when it has none", () => {
    expect(sampleRatioCheck([500, 500, 3], [1, 1, 0])).toEqual({ p: 0, ok: false });
    expect(sampleRatioCheck([500, 500, 0], [1, 1, 0])?.ok).toBe(true);
  });
});
