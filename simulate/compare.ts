import type { Insights } from "./insights";
import { LIFT_METRICS, METRICS, trueLift, type LiftMetric, type Metric, type Truth } from "./truth";

// The truth beside the store's report, one row per arm and metric: whether the true lift lies inside the 95%
// interval /api/insights gives for it.

export interface ComparisonRow {
  arm: string;
  metric: Metric;
  trueValue: number | null;
  reportedValue: number | null;
  trueLift: number | null;
  reportedLift: { value: number; ci: [number, number] } | null;
  /** null where there is no lift to check (the control, clicks per ranking, a missing figure). */
  inside: boolean | null;
}

const isLiftMetric = (metric: Metric): metric is LiftMetric => (LIFT_METRICS as readonly Metric[]).includes(metric);

export function compare(truth: Truth, insights: Insights | null): ComparisonRow[] {
  const control = insights?.control ?? "embedded";
  const arms = [...new Set([...Object.keys(truth.arms), ...Object.keys(insights?.arms ?? {})])].sort((a, b) => (a === control ? -1 : b === control ? 1 : a.localeCompare(b)));
  return arms.flatMap((arm) =>
    METRICS.map((metric): ComparisonRow => {
      const reported = insights?.arms[arm];
      const lift = isLiftMetric(metric) && arm !== control ? (reported?.lift?.[metric] ?? null) : null;
      const truthLift = isLiftMetric(metric) && arm !== control ? trueLift(truth, arm, control, metric) : null;
      return {
        arm,
        metric,
        trueValue: truth.arms[arm]?.[metric] ?? null,
        reportedValue: reported?.[metric] ?? null,
        trueLift: truthLift,
        reportedLift: lift ? { value: lift.value, ci: lift.ci } : null,
        inside: lift && truthLift !== null ? lift.ci[0] <= truthLift && truthLift <= lift.ci[1] : null,
      };
    }),
  );
}
