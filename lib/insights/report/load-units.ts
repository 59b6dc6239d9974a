import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { interactions, showings } from "@/lib/db/schema";
import type { Arm } from "@/lib/experiments/experiment";
import { flushAttribution } from "@/lib/insights/record/batched-writes";
import type { Period } from "./period";

// What a report is computed from, read in three statements over the period's showings. The experiment's unit
// is the shopper (the browser: what an arm is assigned by), so rankings are summed per browser — and per
// time slice of the period, for the lift over time.

/** The lift-over-time chart's slices of the period (from the first showing in it to the last). */
export const TIME_SLICES = 12;
/** Positions the click-by-position figures cover: a first screenful or two. */
export const POSITIONS = 24;

/** One browser's rankings in one arm and time slice, and what it did with them. */
export interface UnitSlice {
  arm: Arm;
  browserId: string;
  /** 1…TIME_SLICES. */
  slice: number;
  sliceEnd: Date;
  rankings: number;
  clicked: number;
  clicks: number;
  positionSum: number;
  added: number;
  purchased: number;
  revenueCents: number;
  costUsd: number;
  /** Rankings whose model cost is known. */
  costed: number;
}

export interface ReportData {
  units: UnitSlice[];
  /** Distinct orders with a line attributed to a ranking of the arm. */
  orders: Map<Arm, number>;
  /** Rankings with a click at each position, 1…POSITIONS. */
  clickedAt: Map<Arm, number[]>;
}

const number = (value: unknown) => Number(value ?? 0);

export async function loadReportData(period: Period): Promise<ReportData> {
  await flushAttribution(); // what this process has queued counts too
  const db = await getDb();
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const shown = sql`select ${showings.id} as id, ${showings.arm} as arm, ${showings.browserId} as browser_id, ${showings.costUsd} as cost_usd, ${showings.createdAt} as created_at
    from ${showings} where ${showings.createdAt} >= ${from}::timestamptz and ${showings.createdAt} < ${to}::timestamptz`;

  const units = await rowsOf<Record<string, unknown>>(db, sql`with shown as (${shown}),
    span as (select extract(epoch from min(created_at)) as lo, extract(epoch from max(created_at)) + 0.001 as hi from shown),
    per_ranking as (
      select i.ranking_id,
        count(*) filter (where i.type = 'click') as clicks,
        coalesce(sum(i.position) filter (where i.type = 'click'), 0) as position_sum,
        bool_or(i.type = 'cart-add') as added,
        bool_or(i.type = 'purchase') as purchased,
        coalesce(sum(i.revenue_cents) filter (where i.type = 'purchase'), 0) as revenue
      from ${interactions} i join shown on shown.id = i.ranking_id
      group by i.ranking_id)
    select shown.arm, shown.browser_id,
      width_bucket(extract(epoch from shown.created_at), span.lo, span.hi, ${TIME_SLICES}) as slice,
      span.lo as lo, span.hi as hi,
      count(*) as rankings,
      count(*) filter (where p.clicks > 0) as clicked,
      coalesce(sum(p.clicks), 0) as clicks,
      coalesce(sum(p.position_sum), 0) as position_sum,
      count(*) filter (where p.added) as added,
      count(*) filter (where p.purchased) as purchased,
      coalesce(sum(p.revenue), 0) as revenue_cents,
      coalesce(sum(shown.cost_usd), 0) as cost_usd,
      count(shown.cost_usd) as costed
    from shown cross join span left join per_ranking p on p.ranking_id = shown.id
    group by shown.arm, shown.browser_id, slice, span.lo, span.hi`);

  const orders = await rowsOf<Record<string, unknown>>(db, sql`with shown as (${shown})
    select shown.arm, count(distinct i.order_id) as orders
    from ${interactions} i join shown on shown.id = i.ranking_id
    where i.type = 'purchase' group by shown.arm`);

  const positions = await rowsOf<Record<string, unknown>>(db, sql`with shown as (${shown})
    select shown.arm, i.position, count(distinct i.ranking_id) as rankings
    from ${interactions} i join shown on shown.id = i.ranking_id
    where i.type = 'click' and i.position <= ${POSITIONS} group by shown.arm, i.position`);

  const clickedAt = new Map<Arm, number[]>();
  for (const row of positions) {
    const arm = row.arm as Arm;
    const counts = clickedAt.get(arm) ?? new Array<number>(POSITIONS).fill(0);
    counts[number(row.position) - 1] = number(row.rankings);
    clickedAt.set(arm, counts);
  }
  return {
    units: units.map((row) => {
      const lo = number(row.lo);
      const hi = number(row.hi);
      const slice = Math.min(TIME_SLICES, Math.max(1, number(row.slice)));
      return {
        arm: row.arm as Arm,
        browserId: String(row.browser_id),
        slice,
        sliceEnd: new Date((lo + ((hi - lo) * slice) / TIME_SLICES) * 1000),
        rankings: number(row.rankings),
        clicked: number(row.clicked),
        clicks: number(row.clicks),
        positionSum: number(row.position_sum),
        added: number(row.added),
        purchased: number(row.purchased),
        revenueCents: number(row.revenue_cents),
        costUsd: number(row.cost_usd),
        costed: number(row.costed),
      };
    }),
    orders: new Map(orders.map((row) => [row.arm as Arm, number(row.orders)])),
    clickedAt,
  };
}
