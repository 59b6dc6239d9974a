import { describe, expect, it } from "vitest";
import { loadPopulation } from "@/simulate/population";

describe("loadPopulation", () => {
  it("takes the eval sets' search cases with a product graded 2 or more, each landing on a product it likes", async () => {
    const cases = await loadPopulation();
    expect(cases.length).toBeGreaterThan(100);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const shopperCase of cases) {
      expect(shopperCase.relevance[shopperCase.landing]).toBeGreaterThanOrEqual(2);
      expect(shopperCase).not.toHaveProperty("ids");
    }
    // Searches by words, by category, and the whole catalog are all in the mix.
    expect(cases.some((c) => c.q)).toBe(true);
    expect(cases.some((c) => c.category && !c.q)).toBe(true);
    expect(cases.some((c) => !c.category && !c.q)).toBe(true);
  });
});
