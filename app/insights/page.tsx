import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound, unauthorized } from "next/navigation";
import { CtrByPositionChart } from "@/components/insights/ctr-by-position-chart";
import { FiguresTable } from "@/components/insights/figures-table";
import { LiftOverTimeChart } from "@/components/insights/lift-over-time-chart";
import { getConfig } from "@/lib/config/env";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import type { Arm } from "@/lib/experiments/experiment";
import { adminAccess, ADMIN_COOKIE } from "@/lib/insights/admin-access";
import { buildReport, LIFT_METRICS } from "@/lib/insights/report/build-report";
import { loadReportData } from "@/lib/insights/report/load-units";
import { parsePeriod } from "@/lib/insights/report/period";

export const metadata: Metadata = { title: "Insights", robots: { index: false } };

const METRIC_NAMES = { ctr: "CTR", purchaseRate: "Purchase rate", revenuePer1000: "Revenue per 1,000 rankings" } as const;

/**
 * `/insights`: does the model's ranking sell more than the free one? The experiment's figures per arm over a
 * period, with each arm's lift against the control, the split's check, and two pictures (docs/architecture.md
 * §19). The operator's only: no AISLE_ADMIN_TOKEN, no page (404); without the token, 401 and a sign-in form.
 */
export default async function InsightsPage({ searchParams }: PageProps<"/insights">) {
  const [requestHeaders, jar, params] = await Promise.all([headers(), cookies(), searchParams]);
  const access = adminAccess(requestHeaders.get("authorization"), jar.get(ADMIN_COOKIE)?.value);
  if (access === "absent") notFound();
  if (access === "refused") unauthorized();

  const query = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : (value ?? []).map((one) => [key, one]))));
  const period = parsePeriod(query);
  const config = getConfig();
  let report;
  try {
    report = period.ok ? buildReport(await loadReportData(period.value), period.value, config.experiment) : undefined;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
  }
  const arms = report ? (Object.keys(report.arms) as Arm[]) : [];
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:py-10" data-testid="insights">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Does the model sell?</h1>
      <p className="mt-1 text-ink-soft">
        {config.experiment
          ? `Experiment: ${config.experiment.arms.map((entry) => `${entry.arm} ${entry.weight}`).join(" · ")}. Each shopper keeps one arm.`
          : "No experiment is running (AISLE_EXPERIMENT is unset): every shopper gets the model."}
      </p>
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col gap-1">
          From
          <input type="date" name="from" defaultValue={report?.period.from.slice(0, 10)} className="rounded-card border border-zinc-300 px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          To
          <input type="date" name="to" className="rounded-card border border-zinc-300 px-2 py-1" />
        </label>
        <button type="submit" className="cart-button h-9 px-4">
          Show
        </button>
        {report ? (
          <span className="text-ink-faint">
            {new Date(report.period.from).toUTCString()} – {new Date(report.period.to).toUTCString()}
          </span>
        ) : null}
      </form>
      {!period.ok ? (
        <p role="alert" className="mt-6 rounded-card bg-amber-50 p-3 text-sm text-amber-900">
          That period cannot be read: {period.error}.
        </p>
      ) : !report ? (
        <p role="alert" className="mt-6 rounded-card bg-amber-50 p-3 text-sm text-amber-900">
          The database is not answering: try again in a moment.
        </p>
      ) : (
        <>
          <div className="mt-6 flex flex-col gap-2 text-sm">
            {!report.enoughData ? (
              <p role="status" className="rounded-card bg-amber-50 p-3 text-amber-900" data-testid="not-enough-data">
                Not enough data yet: each arm needs at least {report.minShoppersPerArm} shoppers before its figures are worth reading. Keep the experiment running.
              </p>
            ) : null}
            <p role="status" className={`rounded-card p-3 ${report.srm.ok ? "bg-brand-soft" : "bg-red-50 text-red-900"}`} data-testid="srm" data-ok={report.srm.ok}>
              {report.srm.p === null
                ? "Sample-ratio check: needs an experiment with two arms or more."
                : report.srm.ok
                  ? `Sample-ratio check passed: shoppers are split as configured (χ² p = ${report.srm.p.toFixed(3)}).`
                  : `Sample-ratio mismatch (χ² p = ${report.srm.p.toExponential(1)} < 0.001): the split is not what was configured, so the figures below cannot be trusted until its cause is found.`}
            </p>
          </div>
          <section className="mt-6">
            <FiguresTable report={report} />
          </section>
          <section className="mt-8 grid gap-8 lg:grid-cols-2">
            <figure>
              <figcaption className="mb-2 font-semibold">CTR by position</figcaption>
              <CtrByPositionChart arms={arms.map((arm) => ({ arm, ctrByPosition: report.arms[arm]?.ctrByPosition ?? [] }))} />
            </figure>
            {LIFT_METRICS.map((metric) => (
              <figure key={metric}>
                <figcaption className="mb-2 font-semibold">
                  {METRIC_NAMES[metric]}: lift against {report.control} over time, with its 95% interval
                </figcaption>
                <LiftOverTimeChart metric={METRIC_NAMES[metric]} series={report.liftOverTime[metric]} />
              </figure>
            ))}
          </section>
        </>
      )}
    </main>
  );
}
