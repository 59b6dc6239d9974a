import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CtrByPositionChart } from "@/components/insights/ctr-by-position-chart";
import { LiftOverTimeChart } from "@/components/insights/lift-over-time-chart";

// The insights charts (components/insights) as the server renders them: one accessible SVG each, a line per
// arm (and a band per arm for the lift), a legend, and nothing a bad number could turn into NaN.

const count = (html: string, needle: string) => html.split(needle).length - 1;

function expectAccessibleSvg(html: string) {
  expect(count(html, "<svg")).toBe(1);
  expect(html).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);
  expect(html).not.toMatch(/<svg[^>]*\swidth=/);
  expect(html).toContain('role="img"');
  const titleId = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
  const descId = /aria-describedby="([^"]+)"/.exec(html)?.[1];
  expect(html).toContain(`<title id="${titleId}">`);
  expect(html).toContain(`<desc id="${descId}">`);
  expect(html).not.toMatch(/NaN|Infinity|undefined/);
  // The pages' Content-Security-Policy refuses inline styles: presentation attributes only.
  expect(html).not.toContain("style=");
}

describe("the CTR-by-position chart", () => {
  const arms = [
    { arm: "model", ctrByPosition: [0.31, 0.22, 0.18, 0.12, 0.1, 0.08] },
    { arm: "embedded", ctrByPosition: [0.27, 0.2, 0.15, 0.11, 0.09, 0.07] },
    { arm: "popular", ctrByPosition: [0.2, 0.15, 0.12, 0.1, 0.08, 0.06] },
  ];

  it("draws a line per arm over the positions, with percent ticks and a legend", () => {
    const html = renderToStaticMarkup(createElement(CtrByPositionChart, { arms }));
    expectAccessibleSvg(html);
    expect(html).toContain("Click-through rate by position</title>");
    expect(count(html, 'data-series="line"')).toBe(3);
    for (const { arm } of arms) expect(html).toMatch(new RegExp(`<text[^>]*>${arm}</text>`));
    for (const tick of ["0%", "10%", "20%", "30%", "40%"]) expect(html).toContain(`>${tick}</text>`);
    for (const position of ["1", "6"]) expect(html).toContain(`>${position}</text>`);
    expect(html).toContain("At position 1: model 31.0%, embedded 27.0%, popular 20.0%.");
    // Each arm its own colour.
    expect(new Set(html.match(/stroke="#[0-9A-Fa-f]{6}" stroke-width="2"/g)).size).toBe(3);
  });

  it("leaves a gap for a position without a number instead of drawing NaN", () => {
    const html = renderToStaticMarkup(createElement(CtrByPositionChart, { arms: [{ arm: "model", ctrByPosition: [0.3, Number.NaN, 0.1, 0.05] }] }));
    expectAccessibleSvg(html);
    expect(/data-series="line" d="([^"]+)"/.exec(html)?.[1]?.match(/M/g)).toHaveLength(2);
  });

  it("says there is no data yet instead of drawing empty axes", () => {
    for (const empty of [[], [{ arm: "model", ctrByPosition: [] }]]) {
      const html = renderToStaticMarkup(createElement(CtrByPositionChart, { arms: empty }));
      expect(html).not.toContain("<svg");
      expect(html).toContain("No data yet");
    }
  });
});

describe("the lift-over-time chart", () => {
  const day = (n: number) => `2026-03-0${n}T00:00:00.000Z`;
  const series = [
    {
      arm: "embedded",
      points: [
        { at: day(1), lift: null },
        { at: day(2), lift: { value: -0.05, ci: [-0.2, 0.1] as [number, number] } },
        { at: day(3), lift: { value: -0.03, ci: [-0.1, 0.04] as [number, number] } },
        { at: day(4), lift: { value: -0.02, ci: [-0.06, 0.02] as [number, number] } },
      ],
    },
    {
      arm: "popular",
      points: [
        { at: day(1), lift: { value: -0.1, ci: [-0.3, 0.1] as [number, number] } },
        { at: day(2), lift: null },
        { at: day(3), lift: { value: -0.08, ci: [-0.15, -0.01] as [number, number] } },
        { at: day(4), lift: { value: -0.07, ci: [-0.11, -0.03] as [number, number] } },
      ],
    },
  ];

  it("draws per arm a line inside its interval band, a dashed zero line, short time labels and a legend", () => {
    const html = renderToStaticMarkup(createElement(LiftOverTimeChart, { metric: "CTR", series }));
    expectAccessibleSvg(html);
    expect(html).toContain("Lift in CTR over time</title>");
    expect(count(html, 'data-series="line"')).toBe(2);
    expect(count(html, 'data-series="band"')).toBe(2);
    expect(html).toMatch(/data-zero=""[^>]*stroke-dasharray="4 4"/);
    expect(html).toMatch(/data-series="band"[^>]*fill-opacity="0.15"/);
    for (const label of ["Mar 1", "Mar 4", "embedded", "popular", "0%", "+10%", "−30%"]) expect(html).toContain(`>${label}</text>`);
    expect(html).toContain("Latest: embedded −2.0% (95% interval −6.0% to +2.0%); popular −7.0% (95% interval −11.0% to −3.0%).");
  });

  it("leaves a gap where the lift was not computable, and marks a lone reading", () => {
    const html = renderToStaticMarkup(createElement(LiftOverTimeChart, { metric: "CTR", series }));
    const popular = /data-arm="popular">(.*?)<\/g>/.exec(html)?.[1] ?? "";
    // Mar 1 alone, then Mar 3–4: two runs in the line and in the band, a dot for the lone reading.
    expect(/data-series="line" d="([^"]+)"/.exec(popular)?.[1]?.match(/M/g)).toHaveLength(2);
    expect(/data-series="band" d="([^"]+)"/.exec(popular)?.[1]?.match(/Z/g)).toHaveLength(2);
    expect(count(popular, "<circle")).toBe(1);
  });

  it("says there is nothing to show before any lift is computable", () => {
    const none = renderToStaticMarkup(createElement(LiftOverTimeChart, { metric: "CTR", series: [] }));
    expect(none).not.toContain("<svg");
    expect(none).toContain("No data yet");
    const early = renderToStaticMarkup(createElement(LiftOverTimeChart, { metric: "revenue per ranking", series: [{ arm: "popular", points: [{ at: day(1), lift: null }] }] }));
    expect(early).not.toContain("<svg");
    expect(early).toContain("Lift in revenue per ranking over time");
    expect(early).toContain("No lift yet");
  });

  it("draws a single reading without NaN", () => {
    const html = renderToStaticMarkup(
      createElement(LiftOverTimeChart, { metric: "CTR", series: [{ arm: "model", points: [{ at: day(2), lift: { value: 0, ci: [0, 0] } }] }] }),
    );
    expectAccessibleSvg(html);
    expect(count(html, 'data-series="band"')).toBe(1);
  });
});
