import { z } from "zod";

// The period a report covers: showings made from `from` (inclusive) to `to` (exclusive); what their shoppers
// did later still counts for them. Default: the last 30 days.

const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 30;

export interface Period {
  from: Date;
  to: Date;
}

const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z" }).or(z.iso.date({ message: "must be an ISO 8601 date-time or date" }));

const periodQuery = z
  .strictObject({ from: instant.optional(), to: instant.optional() })
  .transform(({ from, to }) => {
    // A date alone as the end means the end of that day.
    const end = to ? new Date(new Date(to).getTime() + (to.length === 10 ? DAY_MS : 0)) : new Date();
    return { from: from ? new Date(from) : new Date(end.getTime() - DEFAULT_DAYS * DAY_MS), to: end };
  })
  .refine((period) => period.from < period.to, "from must be before to");

/** `?from=ISO&to=ISO` (each optional, each once) → the period, or a sentence saying what is wrong. */
export function parsePeriod(params: URLSearchParams): { ok: true; value: Period } | { ok: false; error: string } {
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return { ok: false, error: "each parameter may be given once" };
  // A form's empty field is no field.
  const parsed = periodQuery.safeParse(Object.fromEntries([...params].filter(([, value]) => value !== "")));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join(".") || "period"}: ${issue.message}` : "bad period" };
}
