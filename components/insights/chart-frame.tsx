import { useId, type ReactNode } from "react";
import type { ArmStyle } from "./arm-colours";

/** The charts' drawing space: sized by viewBox only, so the SVG scales to its container's width. */
export const FRAME = { width: 640, height: 300, top: 52, right: 20, bottom: 44, left: 56 } as const;
export const PLOT = { left: FRAME.left, right: FRAME.width - FRAME.right, top: FRAME.top, bottom: FRAME.height - FRAME.bottom } as const;

interface ChartSvgProps {
  title: string;
  /** One or two sentences a screen reader says instead of the picture: what is drawn and what it shows. */
  description: string;
  children: ReactNode;
}

export function ChartSvg({ title, description, children }: ChartSvgProps) {
  const id = useId();
  return (
    <svg
      viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="h-auto w-full text-ink-soft"
      fontSize={11}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** What a chart shows before there is anything to draw: its title and a sentence, in the chart's place. */
export function ChartEmpty({ title, message }: { title: string; message: string }) {
  return (
    <figure className="flex aspect-[32/15] w-full flex-col items-center justify-center rounded-card border border-dashed border-ink-faint/60 p-6 text-center">
      <figcaption className="text-sm font-medium text-ink">{title}</figcaption>
      <p className="mt-1 text-sm text-ink-soft">{message}</p>
    </figure>
  );
}

interface AxisTick {
  at: number;
  label: string;
}

/** Horizontal gridlines at the ticks, labelled on the left, and the axis' name above them. */
export function YAxis({ ticks, y, title }: { ticks: readonly AxisTick[]; y: (value: number) => number; title: string }) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick.at}>
          <line x1={PLOT.left} x2={PLOT.right} y1={y(tick.at)} y2={y(tick.at)} stroke="#e4e4e7" strokeWidth={1} />
          <text x={PLOT.left - 8} y={y(tick.at)} textAnchor="end" dominantBaseline="middle" fill="currentColor">
            {tick.label}
          </text>
        </g>
      ))}
      <text x={PLOT.left - 8} y={PLOT.top - 20} textAnchor="end" fill="currentColor">
        {title}
      </text>
    </g>
  );
}

/** The baseline with a tick and label at each position, and the axis' name under them. */
export function XAxis({ ticks, x, title }: { ticks: readonly AxisTick[]; x: (value: number) => number; title: string }) {
  return (
    <g aria-hidden="true">
      <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} stroke="#a1a1aa" strokeWidth={1} />
      {ticks.map((tick) => (
        <g key={tick.at}>
          <line x1={x(tick.at)} x2={x(tick.at)} y1={PLOT.bottom} y2={PLOT.bottom + 4} stroke="#a1a1aa" strokeWidth={1} />
          <text x={x(tick.at)} y={PLOT.bottom + 16} textAnchor="middle" fill="currentColor">
            {tick.label}
          </text>
        </g>
      ))}
      <text x={(PLOT.left + PLOT.right) / 2} y={FRAME.height - 6} textAnchor="middle" fill="currentColor">
        {title}
      </text>
    </g>
  );
}

/** A row of line swatches above the plot, one per arm, in the arms' own colour and dash. */
export function ChartLegend({ arms }: { arms: readonly { arm: string; style: ArmStyle }[] }) {
  // Each entry as wide as its swatch, its name (about 6.5 units a character at 11px) and a gap.
  const widths = arms.map(({ arm }) => 30 + arm.length * 6.5 + 18);
  const placed = arms.map(({ arm, style }, index) => ({ arm, style, at: PLOT.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0) }));
  return (
    <g data-legend="">
      {placed.map(({ arm, style, at }) => (
        <g key={arm} transform={`translate(${at} 14)`}>
          <line x1={0} x2={24} y1={0} y2={0} stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} />
          <text x={30} y={0} dominantBaseline="middle" className="fill-ink">
            {arm}
          </text>
        </g>
      ))}
    </g>
  );
}
