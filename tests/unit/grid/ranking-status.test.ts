import { describe, expect, it } from "vitest";
import { rankingStatus } from "@/components/grid/ranking-status";
import type { RankingSummary } from "@/lib/ranking/pipeline/events";

const summary = (overrides: Partial<RankingSummary> = {}): RankingSummary => ({
  type: "done",
  ranked: 24,
  fallback: 48,
  rejected: 0,
  provider: "simulated",
  model: "aisle-simulated-ranker",
  firstItemMs: 900,
  totalMs: 5600,
  replay: false,
  outcome: "complete",
  usage: null,
  ...overrides,
});
const base = { shown: 0, picked: 0, picks: 24, total: 72, summary: null, failed: false, reranking: false };

describe("rankingStatus", () => {
  it("counts the model's picks while they stream, not the whole grid", () => {
    expect(rankingStatus({ ...base, shown: 5, picked: 5 })).toBe("5 of 24 picks…");
    expect(rankingStatus({ ...base, shown: 5, picked: 5, reranking: true })).toBe("Re-ranking: 5 of 24 picks…");
    expect(rankingStatus({ ...base, shown: 72, picked: 24 })).toBe("24 picks by the model, then 48 more for you…");
  });

  it("says where the rest came from once done, and when the model stopped early or nothing was called", () => {
    expect(rankingStatus({ ...base, summary: summary() })).toBe("24 picks by the model, then 48 more for you in Aisle's own order.");
    expect(rankingStatus({ ...base, summary: summary({ ranked: 3, fallback: 69, outcome: "stall-timeout" }) })).toBe(
      "3 picks by the model, then 69 more for you in Aisle's own order. The model stopped early, so Aisle's own ranker placed the rest.",
    );
    expect(rankingStatus({ ...base, summary: summary({ ranked: 4, fallback: 0, replay: true }) })).toBe("4 picks by the model. Replayed from a stored ranking: no model call.");
    expect(rankingStatus({ ...base, summary: summary({ ranked: 1, fallback: 0 }) })).toBe("1 pick by the model.");
    expect(rankingStatus({ ...base, summary: summary({ ranked: 0, fallback: 72, outcome: "rate-limited" }) })).toMatch(/^You asked for many fresh rankings this minute, so these 72 are in Aisle's own order, with no model call/);
    expect(rankingStatus({ ...base, summary: summary({ ranked: 0, fallback: 72, outcome: "over-capacity" }) })).toMatch(/^The model is busy right now/);
  });

  it("in an experiment arm without the model, says what ordered the grid, and never counts model picks", () => {
    expect(rankingStatus({ ...base, picks: 0, shown: 10, picked: 0, arm: "embedded" })).toBe("10 of 72 products in Aisle's own order…");
    expect(rankingStatus({ ...base, picks: 0, summary: summary({ ranked: 0, fallback: 72, arm: "embedded" }), arm: "embedded" })).toBe("72 products in Aisle's own order.");
    expect(rankingStatus({ ...base, picks: 0, summary: summary({ ranked: 0, fallback: 72, arm: "popular" }), arm: "popular" })).toBe("72 products in order of popularity.");
  });
});
