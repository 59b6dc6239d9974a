import { armStyle } from "./arm-colours";
import { ChartEmpty, ChartLegend, ChartSvg, PLOT, XAxis, YAxis } from "./chart-frame";
import { linearScale, niceDomain } from "./chart-scale";
import { percentLabel } from "./percent-label";
import { bandPath, linePath } from "./svg-paths";
import { timeLabel, timeTicks } from "./time-label";

interface LiftPoint {
  /** ISO time of the cumulative reading. */
  at: string;
  /** Null where the lift was not computable yet (too few shoppers, no control): a gap in the line. */
  lift: { value: number; ci: [number, number] } | null;
}

interface LiftOverTimeChartProps {
  /** The metric's name as the page shows it, e.g. "CTR". */
  metric: string;
  series: { arm: string; points: LiftPoint[] }[];
}

const finiteLift = (lift: LiftPoint["lift"]): lift is NonNullable<LiftPoint["lift"]> =>
  lift !== null && Number.isFinite(lift.value) && Number.isFinite(lift.ci[0]) && Number.isFinite(lift.ci[1]);

/** Per arm, the cumulative lift over control as a line inside its 95% interval, around a dashed zero line. */
export function LiftOverTimeChart({ metric, series }: LiftOverTimeChartProps) {
  const title = `Lift in ${metric} over time`;
  const readings = series.map((entry, index) => ({
    arm: entry.arm,
    style: armStyle(entry.arm, index),
    points: entry.points
      .map((point) => ({ ms: Date.parse(point.at), lift: point.lift }))
      .filter((point) => Number.isFinite(point.ms))
      .sort((a, b) => a.ms - b.ms),
  }));
  const known = readings.flatMap((entry) => entry.points.flatMap((point) => (finiteLift(point.lift) ? [point.lift] : [])));
  if (known.length === 0) {
    const message = series.length === 0 ? "No data yet: no arm is being compared." : "No lift yet: each arm needs at least two shoppers with rankings.";
    return <ChartEmpty title={title} message={message} />;
  }

  const moments = readings.flatMap((entry) => entry.points.map((point) => point.ms)).sort((a, b) => a - b);
  const first = moments[0] ?? 0;
  const last = moments.at(-1) ?? first;
  const x = linearScale([first, last], [PLOT.left + 12, PLOT.right - 12]);
  const lows = known.map((lift) => lift.ci[0]);
  const highs = known.map((lift) => lift.ci[1]);
  const { domain, ticks, step } = niceDomain(Math.min(0, ...lows), Math.max(0, ...highs), 5);
  const y = linearScale(domain, [PLOT.bottom, PLOT.top]);

  const latest = readings.map((entry) => {
    const lift = entry.points.map((point) => point.lift).findLast(finiteLift);
    if (!lift) return `${entry.arm} not computable yet`;
    return `${entry.arm} ${percentLabel(lift.value, 0.001, true)} (95% interval ${percentLabel(lift.ci[0], 0.001, true)} to ${percentLabel(lift.ci[1], 0.001, true)})`;
  });
  const description = `Cumulative relative lift in ${metric} over control, each arm's line inside its 95% confidence interval, from ${timeLabel(first, last - first)} to ${timeLabel(last, last - first)}. Latest: ${latest.join("; ")}.`;

  return (
    <ChartSvg title={title} description={description}>
      <YAxis ticks={ticks.map((at) => ({ at, label: percentLabel(at, step, true) }))} y={y} title="Lift" />
      <XAxis ticks={timeTicks(first, last).map((at) => ({ at, label: timeLabel(at, last - first) }))} x={x} title="Time (UTC)" />
      <line data-zero="" x1={PLOT.left} x2={PLOT.right} y1={y(0)} y2={y(0)} stroke="#52525b" strokeWidth={1} strokeDasharray="4 4" />
      {readings.map((entry) => {
        const drawn = entry.points.map((point) => (finiteLift(point.lift) ? { x: x(point.ms), lift: point.lift } : null));
        // A reading with gaps on both sides draws no line: a dot marks it.
        const lone = drawn.filter((point, index) => point && !drawn[index - 1] && !drawn[index + 1]);
        return (
          <g key={entry.arm} data-arm={entry.arm}>
            <path
              data-series="band"
              d={bandPath(drawn.map((point) => point && { x: point.x, upper: y(point.lift.ci[1]), lower: y(point.lift.ci[0]) }))}
              fill={entry.style.colour}
              fillOpacity={0.15}
              stroke="none"
            />
            <path
              data-series="line"
              d={linePath(drawn.map((point) => point && { x: point.x, y: y(point.lift.value) }))}
              fill="none"
              stroke={entry.style.colour}
              strokeWidth={2}
              strokeDasharray={entry.style.dash}
              strokeLinejoin="round"
            />
            {lone.map((point) => point && <circle key={point.x} cx={point.x.toFixed(1)} cy={y(point.lift.value).toFixed(1)} r={3} fill={entry.style.colour} />)}
          </g>
        );
      })}
      <ChartLegend arms={readings.map((entry) => ({ arm: entry.arm, style: entry.style }))} />
    </ChartSvg>
  );
}
