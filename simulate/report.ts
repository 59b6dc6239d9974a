import { CHECKOUT, EXAMINATION_DECAY, SCAN_DEPTH } from "./model";
import type { ComparisonRow } from "./compare";
import type { SimulationResult } from "./simulation";

// The run as text: what was simulated, the table of truth against report, and what to be wary of.

const percent = (value: number | null, digits = 2) => (value === null ? "—" : `${(value * 100).toFixed(digits)}%`);
const signed = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;

function formatValue(row: ComparisonRow, value: number | null): string {
  if (value === null) return "—";
  if (row.metric === "revenuePer1000") return `$${value.toFixed(2)}`;
  if (row.metric === "clicksPerRanking") return value.toFixed(3);
  return percent(value);
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()).join("\n");
}

export function textReport(result: SimulationResult): string {
  const { visits, truth, insights } = result;
  const lines: string[] = [];
  lines.push(`Simulated ${visits.started} of ${visits.planned} shoppers on ${result.url} (seed ${result.seed}, population ${result.population} cases)${visits.stoppedByTime ? ` — stopped starting visits at --max-seconds, ${visits.planned - visits.started} not run (raise --max-seconds or --concurrency, or pace the simulated model faster with AISLE_SIM_*)` : ""}`);
  lines.push(`${result.rankings} rankings, ${result.clicks} clicks, ${result.addedToCart} added to cart, ${result.orders} orders; ${visits.failed} visit${visits.failed === 1 ? "" : "s"} failed`);
  lines.push(`Click model: θ_p = 1/p^${EXAMINATION_DECAY} over the first ${SCAN_DEPTH} positions, click = θ_p·α(grade), add = β(grade), checkout γ = ${CHECKOUT}; truth over ${truth.cases} cases, ${truth.rankings} rankings`);
  lines.push("");
  const header = ["arm", "metric", "true", "reported", "true lift", "reported lift [95% CI]", "check"];
  const rows = result.comparison.map((row) => [
    row.arm,
    row.metric,
    formatValue(row, row.trueValue),
    formatValue(row, row.reportedValue),
    row.trueLift === null ? "—" : signed(row.trueLift),
    row.reportedLift ? `${signed(row.reportedLift.value)} [${signed(row.reportedLift.ci[0])}, ${signed(row.reportedLift.ci[1])}]` : "—",
    row.inside === null ? "" : row.inside ? "inside" : "outside",
  ]);
  lines.push(table([header, ...rows]));
  lines.push("");
  if (insights) {
    const checked = result.comparison.filter((row) => row.inside !== null);
    lines.push(`Control: ${insights.control}. True lift inside the reported 95% interval: ${checked.filter((row) => row.inside).length} of ${checked.length}.`);
    lines.push(`Sample ratio: ${insights.srm ? `p = ${insights.srm.p === null ? "—" : insights.srm.p.toPrecision(3)}, ${insights.srm.ok ? "ok" : "MISMATCH"}` : "not reported"}; enough data: ${insights.enoughData === undefined ? "not reported" : insights.enoughData ? "yes" : "no"}.`);
  }
  for (const failure of result.failures) lines.push(`failed: ${failure.count} × ${failure.kind} — e.g. ${failure.example}`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  if (!result.ok) lines.push(`NOT OK: ${visits.failed} of ${visits.started} visits failed (at most 1% allowed)${result.failures.some((failure) => failure.kind.startsWith("insights")) ? ", or /api/insights could not be read" : ""}.`);
  return lines.join("\n");
}
