const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Above this span the axis counts days, below it hours. */
const HOURLY_UP_TO = 36 * HOUR;

const dayFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const hourFormat = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/**
 * A short label for a moment on an axis spanning `spanMs`: the hour within a day and a half ("14:00"), the day
 * beyond ("Mar 4"). UTC, so the server renders the same label wherever it runs.
 */
export function timeLabel(ms: number, spanMs: number): string {
  return (spanMs < HOURLY_UP_TO ? hourFormat : dayFormat).format(ms);
}

/**
 * Round moments between first and last to label an axis with, at most `count`: whole hours (every 1, 2, 3, 6
 * or 12) within a day and a half, midnights (every 1, 2, 7, 14 or 28 days) beyond, so no two labels read alike.
 */
export function timeTicks(first: number, last: number, count = 6): number[] {
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return [];
  if (last === first) return [first];
  const span = last - first;
  const steps = span < HOURLY_UP_TO ? [1, 2, 3, 6, 12].map((hours) => hours * HOUR) : [1, 2, 7, 14, 28].map((days) => days * DAY);
  const step = steps.find((candidate) => Math.floor(span / candidate) + 1 <= count) ?? Math.ceil(span / count / (28 * DAY)) * 28 * DAY;
  const ticks: number[] = [];
  for (let at = Math.ceil(first / step) * step; at <= last; at += step) ticks.push(at);
  return ticks;
}
