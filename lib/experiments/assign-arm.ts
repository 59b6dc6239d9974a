import { GrowthBook } from "@growthbook/growthbook";
import type { Arm, Experiment } from "./experiment";

/**
 * A shopper's arm: GrowthBook's deterministic bucketing (its hash v2 of the experiment's name and the shopper's
 * id, mapped onto the arms' weights) — the same arm on every visit and every server, with nothing stored, and
 * the assignment an operator's GrowthBook would compute for the same experiment (docs/architecture.md §19).
 * No experiment: everyone gets the model.
 */
export function armFor(experiment: Experiment | undefined, shopperId: string): Arm {
  if (!experiment) return "model";
  const [first, second, ...rest] = experiment.arms.map((entry) => entry.arm);
  if (!first) return "model";
  if (!second) return first;
  const total = experiment.arms.reduce((sum, entry) => sum + entry.weight, 0);
  const growthbook = new GrowthBook({ attributes: { id: shopperId } });
  try {
    const result = growthbook.run({
      key: experiment.name,
      variations: [first, second, ...rest],
      weights: experiment.arms.map((entry) => entry.weight / total),
      hashAttribute: "id",
      hashVersion: 2,
    });
    return result.inExperiment ? result.value : "model";
  } finally {
    growthbook.destroy();
  }
}
