import { describe, expect, it } from "vitest";
import { expectedOutcome, trueEffects, trueLift, type ExpectedOutcome } from "@/simulate/truth";

// The true effect under the click model, checked against numbers worked by hand from simulate/model.ts's
// constants: θ_1 = 1, θ_2 = 2^-0.7; α = {0: .02, 3: .5}; β = {0: .05, 3: .6}; γ = .7.

const theta2 = 2 ** -0.7; // ≈ 0.61557

describe("expectedOutcome", () => {
  it("works out CTR, clicks, purchase rate and revenue for a two-card ranking", () => {
    // Position 1: a grade-3 product at $10.00; position 2: an unlisted (grade 0) product at $20.00.
    const outcome = expectedOutcome(["a", "b"], { a: 3 }, (id) => ({ a: 1000, b: 2000 })[id]);
    const c1 = 1 * 0.5;
    const c2 = theta2 * 0.02;
    expect(outcome.ctr).toBeCloseTo(1 - (1 - c1) * (1 - c2), 12);
    expect(outcome.clicksPerRanking).toBeCloseTo(c1 + c2, 12);
    expect(outcome.purchaseRate).toBeCloseTo(0.7 * (1 - (1 - c1 * 0.6) * (1 - c2 * 0.05)), 12);
    expect(outcome.revenuePer1000).toBeCloseTo(1000 * 0.7 * (c1 * 0.6 * 10 + c2 * 0.05 * 20), 9);
    // The same numbers, written out: 0.5061557…, 0.5123114…, 0.7·(1 − 0.7·0.99938…) = 0.2103…, $2,108.6…
    expect(outcome.ctr).toBeCloseTo(0.50616, 5);
    expect(outcome.purchaseRate).toBeCloseTo(0.2103, 4);
    expect(outcome.revenuePer1000).toBeCloseTo(2108.6, 1);
  });

  it("puts the relevant product first for a higher CTR than last", () => {
    const good = expectedOutcome(["a", "b", "c"], { a: 3 }, () => 100);
    const bad = expectedOutcome(["b", "c", "a"], { a: 3 }, () => 100);
    expect(good.ctr).toBeGreaterThan(bad.ctr);
    expect(good.purchaseRate).toBeGreaterThan(bad.purchaseRate);
  });

  it("looks no further than the first 24 positions", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `p${i + 1}`);
    const beyond = expectedOutcome(ids, { p25: 3, p30: 3 }, () => 100);
    const none = expectedOutcome(ids, {}, () => 100);
    expect(beyond).toEqual(none);
  });
});

const o = (ctr: number, revenuePer1000 = 0): ExpectedOutcome => ({ ctr, clicksPerRanking: ctr, purchaseRate: ctr / 2, revenuePer1000 });

describe("trueEffects", () => {
  it("averages within each (case, arm) cell, then over cases weighted by how often each was served in all", () => {
    const truth = trueEffects([
      // Case X served 3 times: twice in A (0.2, 0.4 → 0.3), once in B (0.5).
      { caseId: "x", arm: "A", outcome: o(0.2, 100) },
      { caseId: "x", arm: "A", outcome: o(0.4, 300) },
      { caseId: "x", arm: "B", outcome: o(0.5, 500) },
      // Case Y served once in each arm: weight 2.
      { caseId: "y", arm: "A", outcome: o(0.6, 600) },
      { caseId: "y", arm: "B", outcome: o(0.9, 900) },
    ]);
    expect(truth.arms.A?.ctr).toBeCloseTo((3 * 0.3 + 2 * 0.6) / 5, 12);
    expect(truth.arms.B?.ctr).toBeCloseTo((3 * 0.5 + 2 * 0.9) / 5, 12);
    expect(truth.arms.A?.revenuePer1000).toBeCloseTo((3 * 200 + 2 * 600) / 5, 9);
    expect(truth).toMatchObject({ cases: 2, rankings: 5, dropped: { cases: [], rankings: 0 } });
    expect(trueLift(truth, "B", "A", "ctr")).toBeCloseTo(((3 * 0.5 + 2 * 0.9) / (3 * 0.3 + 2 * 0.6)) - 1, 12);
  });

  it("leaves out a case that some arm never served, and says which", () => {
    const truth = trueEffects([
      { caseId: "x", arm: "A", outcome: o(0.2) },
      { caseId: "x", arm: "B", outcome: o(0.4) },
      { caseId: "z", arm: "A", outcome: o(1) },
      { caseId: "z", arm: "A", outcome: o(1) },
    ]);
    expect(truth.arms.A?.ctr).toBeCloseTo(0.2, 12);
    expect(truth.dropped).toEqual({ cases: ["z"], rankings: 2 });
  });

  it("has no lift against a control whose value is 0", () => {
    const truth = trueEffects([
      { caseId: "x", arm: "A", outcome: o(0) },
      { caseId: "x", arm: "B", outcome: o(0.4) },
    ]);
    expect(trueLift(truth, "B", "A", "ctr")).toBeNull();
    expect(trueLift(truth, "B", "missing", "ctr")).toBeNull();
  });
});
