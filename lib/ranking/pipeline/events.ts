import { z } from "zod";

// The NDJSON lines of GET /api/rankings (docs/architecture.md §2): the schemas clients and tests check against.

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
  /** The client spent its budget of fresh model rankings: no model call. */
  "rate-limited",
  /** This server had no free model stream in time: no model call. */
  "over-capacity",
]);
export type RankingOutcome = z.infer<typeof rankingOutcomeSchema>;

const tokens = z.number().int().nonnegative();

/** What a ranking's model call cost in tokens (docs/architecture.md §2). */
export const rankingUsageSchema = z.object({
  inputTokens: tokens,
  /** Input tokens the provider served from its prompt cache; null when it does not say. */
  cachedInputTokens: tokens.nullable(),
  outputTokens: tokens,
  /** Counted locally with a tokenizer, because the server's figures never came (the request was stopped early). */
  estimated: z.boolean(),
});
export type RankingUsage = z.infer<typeof rankingUsageSchema>;

export const rankingSummarySchema = z.object({
  type: z.literal("done"),
  /** Items placed by the model. */
  ranked: z.number().int().nonnegative(),
  /** Candidates the model did not place, appended in the embedded ranker's order. */
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
  /** Tokens of the model call; null when there was none (a replay, nothing to rank). Older stored rows have none. */
  usage: rankingUsageSchema.nullable().default(null),
  /** Every product retrieval matched, beyond the ranked candidates (the API adds it; DESIGN §4). */
  matches: z.number().int().nonnegative().optional(),
  /** The search as read, when a word of it was corrected ("hedphones" → "headphones"). */
  corrected: z.string().optional(),
  /** The experiment arm that ranked it (AISLE_EXPERIMENT; `model` without one). */
  arm: z.enum(["model", "embedded", "popular"]).optional(),
  /** This showing of the ranking (the API and the grid carry it; DESIGN §4). */
  rankingId: z.string().optional(),
});
export type RankingSummary = z.infer<typeof rankingSummarySchema>;

export const rankingEventSchema = z.discriminatedUnion("type", [rankedItemSchema, rankingSummarySchema]);
export type RankingEvent = z.infer<typeof rankingEventSchema>;
