import { ADD_TO_CART, CHECKOUT, SCAN_DEPTH, clickProbability, gradeOf } from "./model";

// The true effect of each arm under the click model of simulate/model.ts, computed exactly (no sampling).
// For one served ranking, with c_p = θ_p·α_p the click probability at position p ≤ K:
//   CTR (≥ 1 click)        1 − Π_p (1 − c_p)
//   clicks                 Σ_p c_p
//   P(≥ 1 purchase)        γ · (1 − Π_p (1 − c_p·β_p))        (the cart is non-empty iff some click was added)
//   revenue (USD)          γ · Σ_p c_p·β_p·price_p             (each product bought once, at its page's price)
// An arm's true value is the mean over the population's case mix of what that arm serves for each case:
// rankings are grouped by (case, arm) and averaged within a cell, then the cells of an arm are averaged with
// every case weighted by how often it was served over all arms — the same mix for every arm, so the arms
// differ only in what they rank. A case some arm never served is left out (for every arm) and counted.

export interface ExpectedOutcome {
  ctr: number;
  clicksPerRanking: number;
  purchaseRate: number;
  /** Expected revenue of one ranking × 1000, in US dollars: what /api/insights calls revenuePer1000. */
  revenuePer1000: number;
}

export const METRICS = ["ctr", "clicksPerRanking", "purchaseRate", "revenuePer1000"] as const satisfies readonly (keyof ExpectedOutcome)[];
export type Metric = (typeof METRICS)[number];
/** The metrics /api/insights reports a lift for. */
export const LIFT_METRICS = ["ctr", "purchaseRate", "revenuePer1000"] as const satisfies readonly Metric[];
export type LiftMetric = (typeof LIFT_METRICS)[number];

/**
 * The expected outcome of showing `productIds` (in rank order) to a shopper with these hidden grades.
 * `priceCents` gives each product's price; a product without one counts as free (the caller reports it).
 */
export function expectedOutcome(productIds: readonly string[], relevance: Readonly<Record<string, number>>, priceCents: (id: string) => number | undefined): ExpectedOutcome {
  let noClick = 1;
  let clicks = 0;
  let noAdd = 1;
  let addedCents = 0;
  productIds.slice(0, SCAN_DEPTH).forEach((id, index) => {
    const grade = gradeOf(relevance, id);
    const click = clickProbability(index + 1, grade);
    const add = click * ADD_TO_CART[grade];
    noClick *= 1 - click;
    clicks += click;
    noAdd *= 1 - add;
    addedCents += add * (priceCents(id) ?? 0);
  });
  return {
    ctr: 1 - noClick,
    clicksPerRanking: clicks,
    purchaseRate: CHECKOUT * (1 - noAdd),
    // cents → dollars, per ranking → per 1000 rankings
    revenuePer1000: (CHECKOUT * addedCents * 1000) / 100,
  };
}

export interface ServedRanking {
  caseId: string;
  arm: string;
  outcome: ExpectedOutcome;
}

export interface Truth {
  arms: Record<string, ExpectedOutcome>;
  /** Cases in the mix, and rankings behind it. */
  cases: number;
  rankings: number;
  /** Cases left out because some arm never served them, and the rankings they had. */
  dropped: { cases: string[]; rankings: number };
}

const zero = (): ExpectedOutcome => ({ ctr: 0, clicksPerRanking: 0, purchaseRate: 0, revenuePer1000: 0 });

/** Each arm's true value over the served case mix (see the top of this file). */
export function trueEffects(served: readonly ServedRanking[]): Truth {
  const arms = [...new Set(served.map((ranking) => ranking.arm))].sort();
  const cells = new Map<string, Map<string, { n: number; sum: ExpectedOutcome }>>();
  for (const { caseId, arm, outcome } of served) {
    const byArm = cells.get(caseId) ?? new Map<string, { n: number; sum: ExpectedOutcome }>();
    cells.set(caseId, byArm);
    const cell = byArm.get(arm) ?? { n: 0, sum: zero() };
    byArm.set(arm, cell);
    cell.n += 1;
    for (const metric of METRICS) cell.sum[metric] += outcome[metric];
  }

  const totals = Object.fromEntries(arms.map((arm) => [arm, zero()]));
  const dropped: Truth["dropped"] = { cases: [], rankings: 0 };
  let weights = 0;
  for (const [caseId, byArm] of cells) {
    const weight = [...byArm.values()].reduce((n, cell) => n + cell.n, 0);
    if (arms.some((arm) => !byArm.has(arm))) {
      dropped.cases.push(caseId);
      dropped.rankings += weight;
      continue;
    }
    weights += weight;
    for (const [arm, cell] of byArm) {
      const total = totals[arm] as ExpectedOutcome;
      for (const metric of METRICS) total[metric] += (weight * cell.sum[metric]) / cell.n;
    }
  }
  const mean = Object.fromEntries(arms.map((arm) => [arm, weights === 0 ? zero() : Object.fromEntries(METRICS.map((metric) => [metric, (totals[arm] as ExpectedOutcome)[metric] / weights])) as unknown as ExpectedOutcome]));
  return { arms: mean, cases: cells.size - dropped.cases.length, rankings: weights, dropped: { cases: dropped.cases.sort(), rankings: dropped.rankings } };
}

/** true_arm / true_control − 1; null when the control's value is 0 or either arm is missing. */
export function trueLift(truth: Truth, arm: string, control: string, metric: LiftMetric): number | null {
  const value = truth.arms[arm]?.[metric];
  const base = truth.arms[control]?.[metric];
  if (value === undefined || base === undefined || base === 0) return null;
  return value / base - 1;
}
