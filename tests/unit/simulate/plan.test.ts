import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { ADD_TO_CART, CHECKOUT, clickProbability, type Grade } from "@/simulate/model";
import { planVisit } from "@/simulate/plan";

describe("planVisit", () => {
  const grades: Grade[] = [3, 0, 2, 1, 3, 0, 0, 2];
  const runs = 40_000;

  it("clicks, adds and checks out as often as the click model's probabilities say (seeded, 40,000 visits)", () => {
    const rng = xoroshiro128plus(7);
    const clicks = grades.map(() => 0);
    const adds = grades.map(() => 0);
    let checkouts = 0;
    for (let run = 0; run < runs; run += 1) {
      const plan = planVisit(rng, grades);
      for (const click of plan.clicks) {
        clicks[click.position - 1] = (clicks[click.position - 1] ?? 0) + 1;
        if (click.addToCart) adds[click.position - 1] = (adds[click.position - 1] ?? 0) + 1;
      }
      if (plan.checkout) checkouts += 1;
    }
    // Within 4.5 standard errors of each probability: a false alarm about once in 150,000 checks.
    const near = (count: number, p: number) => expect(Math.abs(count / runs - p)).toBeLessThanOrEqual(4.5 * Math.sqrt((p * (1 - p)) / runs));
    grades.forEach((grade, index) => {
      const click = clickProbability(index + 1, grade);
      near(clicks[index] ?? 0, click);
      near(adds[index] ?? 0, click * ADD_TO_CART[grade]);
    });
    const anyAdd = 1 - grades.reduce<number>((none, grade, index) => none * (1 - clickProbability(index + 1, grade) * ADD_TO_CART[grade]), 1);
    near(checkouts, CHECKOUT * anyAdd);
  });

  it("draws the same decisions for the same seed", () => {
    expect(planVisit(xoroshiro128plus(3), grades)).toEqual(planVisit(xoroshiro128plus(3), grades));
  });

  it("never checks out with nothing in the cart", () => {
    const rng = xoroshiro128plus(11);
    for (let run = 0; run < 2000; run += 1) {
      const plan = planVisit(rng, [0, 0, 0]);
      if (plan.checkout) expect(plan.clicks.some((click) => click.addToCart)).toBe(true);
    }
  });
});
