import type { Arm } from "@/lib/experiments/experiment";
import type { ArmFigures, InsightsReport, LiftMetric } from "@/lib/insights/report/build-report";
import type { Lift } from "@/lib/insights/statistics/relative-lift";

const percent = (value: number | null, digits = 1) => (value === null ? "—" : `${(value * 100).toFixed(digits)}%`);
const fixed = (value: number | null, digits = 2) => (value === null ? "—" : value.toFixed(digits));
const usd = (value: number | null, digits = 2) => (value === null ? "—" : `$${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`);
const whole = (value: number) => value.toLocaleString("en-US");

const ROWS: { label: string; hint: string; cell: (figures: ArmFigures) => string; lift?: LiftMetric }[] = [
  { label: "Shoppers", hint: "browsers shown at least one ranking", cell: (f) => whole(f.shoppers) },
  { label: "Rankings", hint: "grids shown", cell: (f) => whole(f.rankings) },
  { label: "CTR", hint: "rankings with at least one card opened", cell: (f) => percent(f.ctr), lift: "ctr" },
  { label: "Clicks per ranking", hint: "cards opened per ranking", cell: (f) => fixed(f.clicksPerRanking) },
  { label: "Mean clicked position", hint: "1 = the first card", cell: (f) => fixed(f.meanClickPosition, 1) },
  { label: "Add-to-cart rate", hint: "rankings with an add to cart from them", cell: (f) => percent(f.addToCartRate) },
  { label: "Orders", hint: "orders with a line attributed to the arm", cell: (f) => whole(f.orders) },
  { label: "Purchase rate", hint: "rankings with an attributed purchase", cell: (f) => percent(f.purchaseRate, 2), lift: "purchaseRate" },
  { label: "Revenue", hint: "attributed order lines", cell: (f) => usd(f.revenue) },
  { label: "Revenue per 1,000 rankings", hint: "", cell: (f) => usd(f.revenuePer1000), lift: "revenuePer1000" },
  { label: "Model cost per 1,000 rankings", hint: "usage × published prices", cell: (f) => usd(f.modelCostPer1000, 4) },
  { label: "Revenue − model cost", hint: "", cell: (f) => usd(f.revenueMinusModelCost) },
];

function LiftCell({ lift, control }: { lift: Lift | null; control: boolean }) {
  if (control) return <span className="text-ink-faint">control</span>;
  if (!lift) return <span className="text-ink-faint">—</span>;
  const significant = lift.p < 0.05;
  const tone = !significant ? "text-ink-soft" : lift.value > 0 ? "text-emerald-700" : "text-red-700";
  const sign = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;
  return (
    <span className={tone} data-lift={lift.value} data-ci-low={lift.ci[0]} data-ci-high={lift.ci[1]} data-p={lift.p}>
      <strong>{sign(lift.value)}</strong> <span className="text-xs">
        [{sign(lift.ci[0])}, {sign(lift.ci[1])}] {lift.p < 0.001 ? "p<0.001" : `p=${lift.p.toFixed(3)}`}
      </span>
    </span>
  );
}

/** Every figure, one column per arm, each lift under its metric with its 95% interval and p-value. */
export function FiguresTable({ report }: { report: InsightsReport }) {
  const arms = Object.keys(report.arms) as Arm[];
  return (
    <div className="overflow-x-auto rounded-card border border-zinc-200 bg-white">
      <table className="w-full text-sm" data-testid="insights-figures">
        <thead className="bg-paper-sunk text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Figure
            </th>
            {arms.map((arm) => (
              <th key={arm} scope="col" className="px-3 py-2 font-medium" data-arm={arm}>
                {arm}
                {arm === report.control ? <span className="ml-1 text-xs text-ink-faint">(control)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.flatMap((row) => {
            const figureRow = (
              <tr key={row.label} className="border-t border-zinc-100">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {row.label}
                  {row.hint ? <span className="block text-xs text-ink-faint">{row.hint}</span> : null}
                </th>
                {arms.map((arm) => {
                  const figures = report.arms[arm];
                  return (
                    <td key={arm} className="px-3 py-2 tabular-nums">
                      {figures ? row.cell(figures) : "—"}
                    </td>
                  );
                })}
              </tr>
            );
            const metric = row.lift;
            if (!metric) return [figureRow];
            return [
              figureRow,
              <tr key={`${row.label}-lift`} className="bg-paper-sunk/40">
                <th scope="row" className="px-3 py-1 pl-6 text-left text-xs font-normal text-ink-soft">
                  lift vs {report.control} (95% CI)
                </th>
                {arms.map((arm) => (
                  <td key={arm} className="px-3 py-1 tabular-nums" data-testid={`lift-${metric}-${arm}`}>
                    <LiftCell lift={report.arms[arm]?.lift[metric] ?? null} control={arm === report.control} />
                  </td>
                ))}
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
