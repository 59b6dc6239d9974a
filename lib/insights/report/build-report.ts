import { ARMS, type Arm, type Experiment } from "@/lib/experiments/experiment";
import { ratioSample, type RatioSample } from "@/lib/insights/statistics/ratio-sample";
import { relativeLift, type Lift } from "@/lib/insights/statistics/relative-lift";
import { sampleRatioCheck } from "@/lib/insights/statistics/sample-ratio";
import { POSITIONS, TIME_SLICES, type ReportData, type UnitSlice } from "./load-units";
import type { Period } from "./period";

// The figures of /insights and GET /api/insights (DESIGN §4), from the period's per-browser sums. Rates are
// per ranking shown; their intervals treat the browser as the unit (docs/architecture.md §19, "Statistics").

/** Below this many shoppers in an arm, the page says "not enough data yet" (intervals are normal approximations). */
export const MIN_SHOPPERS_PER_ARM = 100;
/** The arm every other is compared with, when the experiment has it. */
export const DEFAULT_CONTROL: Arm = "embedded";

export const LIFT_METRICS = ["ctr", "purchaseRate", "revenuePer1000"] as const;
export type LiftMetric = (typeof LIFT_METRICS)[number];

export interface ArmFigures {
  shoppers: number;
  rankings: number;
  ctr: number | null;
  clicksPerRanking: number | null;
  meanClickPosition: number | null;
  addToCartRate: number | null;
  orders: number;
  purchaseRate: number | null;
  /** USD. */
  revenue: number;
  revenuePer1000: number | null;
  /** USD of model tokens per 1,000 rankings (over the rankings whose cost is known). */
  modelCostPer1000: number | null;
  /** USD: revenue less what the model cost. */
  revenueMinusModelCost: number;
  lift: Record<LiftMetric, Lift | null>;
  /** Share of rankings with a click at positions 1…POSITIONS. */
  ctrByPosition: number[];
}

export interface InsightsReport {
  period: { from: string; to: string };
  control: Arm;
  arms: Partial<Record<Arm, ArmFigures>>;
  srm: { p: number | null; ok: boolean };
  enoughData: boolean;
  minShoppersPerArm: number;
  /** Cumulative lift against the control at the end of each slice of the period (the chart's points). */
  liftOverTime: Record<LiftMetric, { arm: Arm; points: { at: string; lift: { value: number; ci: [number, number] } | null }[] }[]>;
}

interface Totals {
  rankings: number;
  clicked: number;
  clicks: number;
  positionSum: number;
  added: number;
  purchased: number;
  revenueCents: number;
  costUsd: number;
  costed: number;
}

const ZERO: Totals = { rankings: 0, clicked: 0, clicks: 0, positionSum: 0, added: 0, purchased: 0, revenueCents: 0, costUsd: 0, costed: 0 };

function add(into: Totals, slice: Totals): Totals {
  return {
    rankings: into.rankings + slice.rankings,
    clicked: into.clicked + slice.clicked,
    clicks: into.clicks + slice.clicks,
    positionSum: into.positionSum + slice.positionSum,
    added: into.added + slice.added,
    purchased: into.purchased + slice.purchased,
    revenueCents: into.revenueCents + slice.revenueCents,
    costUsd: into.costUsd + slice.costUsd,
    costed: into.costed + slice.costed,
  };
}

/** Each metric's numerator per browser; the denominator is always its rankings. */
const NUMERATOR: Record<LiftMetric, (unit: Totals) => number> = {
  ctr: (unit) => unit.clicked,
  purchaseRate: (unit) => unit.purchased,
  revenuePer1000: (unit) => unit.revenueCents,
};

function samples(units: Iterable<Totals>): Record<LiftMetric, RatioSample> {
  const list = [...units];
  return {
    ctr: ratioSample(list.map((unit) => ({ x: NUMERATOR.ctr(unit), y: unit.rankings }))),
    purchaseRate: ratioSample(list.map((unit) => ({ x: NUMERATOR.purchaseRate(unit), y: unit.rankings }))),
    revenuePer1000: ratioSample(list.map((unit) => ({ x: NUMERATOR.revenuePer1000(unit), y: unit.rankings }))),
  };
}

const per = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** The arms a report lists: the experiment's, and any other that has showings in the period. */
function armsOf(experiment: Experiment | undefined, data: ReportData): Arm[] {
  const present = new Set<Arm>([...(experiment?.arms.map((entry) => entry.arm) ?? ["model" as Arm]), ...data.units.map((unit) => unit.arm)]);
  return ARMS.filter((arm) => present.has(arm));
}

export function buildReport(data: ReportData, period: Period, experiment: Experiment | undefined): InsightsReport {
  const arms = armsOf(experiment, data);
  const control: Arm = arms.includes(DEFAULT_CONTROL) ? DEFAULT_CONTROL : (experiment?.arms[0]?.arm ?? arms[0] ?? "model");
  const byArm = new Map<Arm, Map<string, Totals>>(arms.map((arm) => [arm, new Map()]));
  for (const unit of data.units) {
    const browsers = byArm.get(unit.arm);
    if (browsers) browsers.set(unit.browserId, add(browsers.get(unit.browserId) ?? ZERO, unit));
  }
  const armSamples = new Map(arms.map((arm) => [arm, samples(byArm.get(arm)?.values() ?? [])]));
  const controlSamples = armSamples.get(control);

  const figures: Partial<Record<Arm, ArmFigures>> = {};
  for (const arm of arms) {
    const browsers = byArm.get(arm) ?? new Map<string, Totals>();
    const total = [...browsers.values()].reduce(add, ZERO);
    const mine = armSamples.get(arm);
    const lift = (metric: LiftMetric) => (arm === control || !mine || !controlSamples ? null : relativeLift(mine[metric], controlSamples[metric]));
    const revenue = total.revenueCents / 100;
    const clickedAt = data.clickedAt.get(arm) ?? new Array<number>(POSITIONS).fill(0);
    figures[arm] = {
      shoppers: browsers.size,
      rankings: total.rankings,
      ctr: per(total.clicked, total.rankings),
      clicksPerRanking: per(total.clicks, total.rankings),
      meanClickPosition: per(total.positionSum, total.clicks),
      addToCartRate: per(total.added, total.rankings),
      orders: data.orders.get(arm) ?? 0,
      purchaseRate: per(total.purchased, total.rankings),
      revenue,
      revenuePer1000: total.rankings > 0 ? (revenue / total.rankings) * 1000 : null,
      modelCostPer1000: total.costed > 0 ? (total.costUsd / total.costed) * 1000 : null,
      revenueMinusModelCost: revenue - total.costUsd,
      lift: { ctr: lift("ctr"), purchaseRate: lift("purchaseRate"), revenuePer1000: lift("revenuePer1000") },
      ctrByPosition: clickedAt.map((count) => (total.rankings > 0 ? count / total.rankings : 0)),
    };
  }

  const weights = arms.map((arm) => experiment?.arms.find((entry) => entry.arm === arm)?.weight ?? 0);
  const srm = experiment && arms.length > 1 && weights.every((weight) => weight > 0) ? sampleRatioCheck(arms.map((arm) => byArm.get(arm)?.size ?? 0), weights) : null;
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    control,
    arms: figures,
    srm: srm ?? { p: null, ok: true },
    enoughData: arms.every((arm) => (byArm.get(arm)?.size ?? 0) >= MIN_SHOPPERS_PER_ARM),
    minShoppersPerArm: MIN_SHOPPERS_PER_ARM,
    liftOverTime: liftOverTime(data.units, arms, control),
  };
}

/** The lift of each arm against the control over everything up to the end of each slice. */
function liftOverTime(units: readonly UnitSlice[], arms: readonly Arm[], control: Arm): InsightsReport["liftOverTime"] {
  const ends = new Map<number, Date>();
  for (const unit of units) ends.set(unit.slice, unit.sliceEnd);
  const running = new Map<Arm, Map<string, Totals>>(arms.map((arm) => [arm, new Map()]));
  const series = Object.fromEntries(LIFT_METRICS.map((metric) => [metric, arms.filter((arm) => arm !== control).map((arm) => ({ arm, points: [] as { at: string; lift: { value: number; ci: [number, number] } | null }[] }))])) as InsightsReport["liftOverTime"];
  for (let slice = 1; slice <= TIME_SLICES; slice++) {
    for (const unit of units) {
      if (unit.slice !== slice) continue;
      const browsers = running.get(unit.arm);
      if (browsers) browsers.set(unit.browserId, add(browsers.get(unit.browserId) ?? ZERO, unit));
    }
    const end = ends.get(slice);
    if (!end) continue;
    const controlSamples = samples(running.get(control)?.values() ?? []);
    for (const metric of LIFT_METRICS) {
      for (const line of series[metric]) {
        const lift = relativeLift(samples(running.get(line.arm)?.values() ?? [])[metric], controlSamples[metric]);
        line.points.push({ at: end.toISOString(), lift: lift ? { value: lift.value, ci: lift.ci } : null });
      }
    }
  }
  return series;
}

