import { z } from "zod";

// An experiment over how a grid is ranked (DESIGN §4, AISLE_EXPERIMENT): `model` is today's ranking, `embedded`
// the embedded ranker's order with no model call, `popular` the catalog's baseline order.

export const ARMS = ["model", "embedded", "popular"] as const;
export type Arm = (typeof ARMS)[number];

export interface Experiment {
  /** Hashed with each shopper's id: the same name and id, the same arm, on every server. */
  name: string;
  arms: readonly { arm: Arm; weight: number }[];
}

/** The experiment's name: one experiment at a time; changing its weights is a new split (GrowthBook's own rule). */
export const EXPERIMENT_NAME = "aisle-ranking";

const armWeight = z
  .string()
  .trim()
  .regex(/^[a-z]+:\d{1,4}$/, 'each part is "arm:weight", e.g. model:50')
  .transform((part) => {
    const [arm, weight] = part.split(":");
    return { arm: arm as string, weight: Number(weight) };
  })
  .pipe(z.object({ arm: z.enum(ARMS, `an arm is one of ${ARMS.join(", ")}`), weight: z.number().int().min(1, "a weight is at least 1") }));

/** `model:50,embedded:25,popular:25` → the arms and their weights; each arm at most once. */
export const experimentSchema = z
  .string()
  .transform((spec) => spec.split(","))
  .pipe(z.array(armWeight).min(1))
  .refine((arms) => new Set(arms.map((entry) => entry.arm)).size === arms.length, "an arm is named twice")
  .transform((arms): Experiment => ({ name: EXPERIMENT_NAME, arms }));
