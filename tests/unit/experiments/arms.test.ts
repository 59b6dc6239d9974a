import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { armFor } from "@/lib/experiments/assign-arm";
import { experimentSchema, type Arm } from "@/lib/experiments/experiment";

const experiment = experimentSchema.parse("model:50,embedded:25,popular:25");

describe("AISLE_EXPERIMENT", () => {
  it("reads arms and weights, and refuses what is not one", () => {
    expect(experiment.arms).toEqual([
      { arm: "model", weight: 50 },
      { arm: "embedded", weight: 25 },
      { arm: "popular", weight: 25 },
    ]);
    for (const bad of ["model", "model:0", "model:50,model:50", "gpt:50", "model:-1", ""]) expect(experimentSchema.safeParse(bad).success).toBe(false);
  });

  it("gives everyone the model without an experiment, and the only arm of a one-arm experiment", () => {
    expect(armFor(undefined, "anyone")).toBe("model");
    expect(armFor(experimentSchema.parse("popular:1"), "anyone")).toBe("popular");
  });

  it("splits 10,000 shoppers within a point and a half of the weights, each always in the same arm", () => {
    const counts: Record<Arm, number> = { model: 0, embedded: 0, popular: 0 };
    const ids = Array.from({ length: 10_000 }, (_, index) => `shopper-${index}`);
    for (const id of ids) counts[armFor(experiment, id)] += 1;
    expect(Math.abs(counts.model / 10_000 - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(counts.embedded / 10_000 - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(counts.popular / 10_000 - 0.25)).toBeLessThan(0.015);
    for (const id of ids.slice(0, 200)) expect(armFor(experiment, id)).toBe(armFor(experiment, id));
  });

  it("assigns the same arms in another process (nothing is remembered, everything is hashed)", () => {
    const ids = Array.from({ length: 50 }, (_, index) => `visitor-${index}`);
    const here = ids.map((id) => armFor(experiment, id));
    const script = `import { armFor } from "@/lib/experiments/assign-arm"; import { experimentSchema } from "@/lib/experiments/experiment";
      const e = experimentSchema.parse("model:50,embedded:25,popular:25");
      console.log(JSON.stringify(${JSON.stringify(ids)}.map((id) => armFor(e, id))));`;
    const there = execFileSync(process.execPath, ["--import", "./eval/register.ts", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(there.trim().split("\n").at(-1) ?? "[]")).toEqual(here);
  });
});
