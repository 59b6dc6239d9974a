import { z } from "zod";

// The NDJSON lines of GET /api/rankings (DESIGN §4): the schemas clients and tests check against.

export const rankedItemSchema = z.object({
  type: z.literal("item"),
  /** 1-based place in the ranking. */
  rank: z.number().int().positive(),
  id: z.string(),
  reason: z.string(),
  source: z.enum(["model", "fallback"]),
});
export type RankedItem = z.infer<typeof rankedItemSchema>;

export const rankingOutcomeSchema = z.enum([
  /** The model ranked, its answer ended cleanly. */
  "complete",
  /** The answer ended inside the array. */
  "truncated",
  /** The answer was not the JSON asked for. */
  "malformed",
  "first-item-timeout",
  "stall-timeout",
  /** The model's server answered with an error (HTTP status, connection failure). */
  "model-error",
  /** Nothing to rank. */
  "empty",
]);
export type RankingOutcome = z.infer<typeof rankingOutcomeSchema>;

export const rankingSummarySchema = z.object({
  type: z.literal("done"),
  /** Items placed by the model. */
  ranked: z.number().int().nonnegative(),
  /** Candidates the model did not place, appended in baseline order. */
  fallback: z.number().int().nonnegative(),
  /** Model elements refused: unknown or repeated ids, schema failures, oversize or invalid JSON. */
  rejected: z.number().int().nonnegative(),
  provider: z.string(),
  model: z.string(),
  firstItemMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  replay: z.boolean(),
  outcome: rankingOutcomeSchema,
  /** Why the model's part ended early, when it did. */
  detail: z.string().optional(),
});
export type RankingSummary = z.infer<typeof rankingSummarySchema>;

export const rankingEventSchema = z.discriminatedUnion("type", [rankedItemSchema, rankingSummarySchema]);
export type RankingEvent = z.infer<typeof rankingEventSchema>;
