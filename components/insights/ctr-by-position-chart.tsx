import { armStyle } from "./arm-colours";
import { ChartEmpty, ChartLegend, ChartSvg, PLOT, XAxis, YAxis } from "./chart-frame";
import { linearScale, niceDomain } from "./chart-scale";
import { percentLabel } from "./percent-label";
import { linePath } from "./svg-paths";

interface CtrByPositionChartProps {
  /** ctrByPosition[i]: the share of the arm's rankings with a click at position i + 1 (0..1). */
  arms: { arm: string; ctrByPosition: number[] }[];
}

const TITLE = "Click-through rate by position";

/** Lines per arm over positions 1..N: where in the grid shoppers click, and how that differs by what ranked it. */
export function CtrByPositionChart({ arms }: CtrByPositionChartProps) {
  const positions = Math.max(0, ...arms.map((entry) => entry.ctrByPosition.length));
  const values = arms.flatMap((entry) => entry.ctrByPosition.filter(Number.isFinite));
  if (positions === 0 || values.length === 0) return <ChartEmpty title={TITLE} message="No data yet: no rankings have been shown to shoppers." />;

  const styled = arms.map((entry, index) => ({ ...entry, style: armStyle(entry.arm, index) }));
  const { domain, ticks, step } = niceDomain(0, Math.max(...values), 4);
  const x = linearScale([1, Math.max(2, positions)], [PLOT.left + 12, PLOT.right - 12]);
  const y = linearScale(domain, [PLOT.bottom, PLOT.top]);
  // Every position labelled while they fit, every other one beyond a dozen.
  const every = positions > 12 ? Math.ceil(positions / 12) : 1;
  const positionTicks = Array.from({ length: positions }, (_, index) => index + 1).filter((position) => (position - 1) % every === 0);

  const first = styled.map((entry) => `${entry.arm} ${Number.isFinite(entry.ctrByPosition[0]) ? percentLabel(entry.ctrByPosition[0] ?? 0, 0.001) : "no data"}`);
  const description = `Share of rankings with a click at each position, 1 to ${positions}, one line per arm. At position 1: ${first.join(", ")}.`;

  return (
    <ChartSvg title={TITLE} description={description}>
      <YAxis ticks={ticks.map((at) => ({ at, label: percentLabel(at, step) }))} y={y} title="CTR" />
      <XAxis ticks={positionTicks.map((at) => ({ at, label: String(at) }))} x={x} title="Position in the grid" />
      {styled.map((entry) => {
        const points = entry.ctrByPosition.map((ctr, index) => (Number.isFinite(ctr) ? { x: x(index + 1), y: y(ctr) } : null));
        return (
          <g key={entry.arm} data-arm={entry.arm}>
            <path data-series="line" d={linePath(points)} fill="none" stroke={entry.style.colour} strokeWidth={2} strokeDasharray={entry.style.dash} strokeLinejoin="round" />
            {points.map((point, index) => (point ? <circle key={index} cx={point.x.toFixed(1)} cy={point.y.toFixed(1)} r={2.5} fill={entry.style.colour} /> : null))}
          </g>
        );
      })}
      <ChartLegend arms={styled.map((entry) => ({ arm: entry.arm, style: entry.style }))} />
    </ChartSvg>
  );
}
