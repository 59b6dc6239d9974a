import { describe, expect, it } from "vitest";
import { linearScale, niceDomain } from "@/components/insights/chart-scale";
import { percentLabel } from "@/components/insights/percent-label";
import { bandPath, linePath } from "@/components/insights/svg-paths";
import { timeLabel, timeTicks } from "@/components/insights/time-label";

// The insights charts' arithmetic (components/insights): scales, round ticks, labels and path strings.

describe("the chart scales", () => {
  it("maps a domain onto a range, flipped for SVG's downward y", () => {
    const y = linearScale([0, 0.5], [260, 40]);
    expect(y(0)).toBe(260);
    expect(y(0.5)).toBe(40);
    expect(y(0.25)).toBe(150);
    // One value only: the middle, not a division by zero.
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it("widens a domain to round ticks a reader counts in", () => {
    expect(niceDomain(0, 0.37, 4)).toEqual({ domain: [0, 0.4], ticks: [0, 0.1, 0.2, 0.3, 0.4], step: 0.1 });
    expect(niceDomain(-0.043, 0.12, 5).ticks).toEqual([-0.05, 0, 0.05, 0.1, 0.15]);
    expect(niceDomain(0, 9, 5).ticks).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("keeps a domain without spread or without numbers drawable", () => {
    expect(niceDomain(0, 0).domain).toEqual([0, 1]);
    const around = niceDomain(0.2, 0.2);
    expect(around.domain[0]).toBeLessThan(0.2);
    expect(around.domain[1]).toBeGreaterThan(0.2);
    expect(niceDomain(Number.NaN, Infinity).domain).toEqual([0, 1]);
    expect(niceDomain(1, 0).domain).toEqual([0, 1]);
    expect(niceDomain(-0.3, 0).ticks.some((tick) => Object.is(tick, -0))).toBe(false);
  });
});

describe("the chart labels", () => {
  it("writes percents with the decimals the step needs, signed for lifts", () => {
    expect(percentLabel(0.25, 0.05)).toBe("25%");
    expect(percentLabel(0.025, 0.005)).toBe("2.5%");
    expect(percentLabel(0.04, 0.02, true)).toBe("+4%");
    expect(percentLabel(-0.02, 0.02, true)).toBe("−2%");
    expect(percentLabel(0, 0.02, true)).toBe("0%");
    expect(percentLabel(-0.0001, 0.01, true)).toBe("0%");
  });

  it("labels moments by the hour within a day and a half, by the day beyond, in UTC", () => {
    const at = Date.parse("2026-03-04T14:00:00Z");
    expect(timeLabel(at, 6 * 3_600_000)).toBe("14:00");
    expect(timeLabel(at, 7 * 86_400_000)).toBe("Mar 4");
  });

  it("labels round moments, at most six and never two alike", () => {
    const start = Date.parse("2026-03-01T06:00:00Z");
    const days = timeTicks(start, start + 4 * 86_400_000);
    expect(days.map((at) => timeLabel(at, 4 * 86_400_000))).toEqual(["Mar 2", "Mar 3", "Mar 4", "Mar 5"]);
    const weeks = timeTicks(start, start + 30 * 86_400_000);
    expect(weeks.length).toBeLessThanOrEqual(6);
    expect(new Set(weeks.map((at) => timeLabel(at, 30 * 86_400_000))).size).toBe(weeks.length);
    const hours = timeTicks(start + 5 * 60_000, start + 10 * 3_600_000);
    expect(hours.map((at) => timeLabel(at, 10 * 3_600_000))).toEqual(["08:00", "10:00", "12:00", "14:00", "16:00"]);
    expect(timeTicks(start, start)).toEqual([start]);
    expect(timeTicks(Number.NaN, start)).toEqual([]);
  });
});

describe("the chart paths", () => {
  it("breaks a line at a gap", () => {
    expect(linePath([{ x: 0, y: 1 }, { x: 2, y: 3 }, null, { x: 4, y: 5 }, { x: 6, y: 7 }])).toBe("M0.0 1.0L2.0 3.0M4.0 5.0L6.0 7.0");
    expect(linePath([])).toBe("");
  });

  it("closes a band per run, along the upper edge and back along the lower, and shows a lone interval as a bar", () => {
    const band = bandPath([{ x: 0, upper: 1, lower: 5 }, { x: 10, upper: 2, lower: 6 }, null, { x: 20, upper: 3, lower: 7 }]);
    expect(band).toBe("M0.0 1.0L10.0 2.0L10.0 6.0L0.0 5.0Z" + "M17.0 3.0H23.0V7.0H17.0Z");
  });
});
