import { z } from "zod";

// POST /api/events (DESIGN §4): what a page reports by beacon. Strict: an unknown field is a mistake, and
// every field is bounded, so a hostile body is refused whole before anything is written.

export const MAX_EVENTS_PER_REQUEST = 20;
/** Twenty honest clicks are about 3 KB; anything far larger is not a page's beacon. */
export const MAX_EVENTS_BODY_BYTES = 16 * 1024;

export const clickEvent = z.strictObject({
  /** The page's own id for the event: a retried beacon is recorded once. */
  id: z.uuid(),
  type: z.literal("click"),
  rankingId: z.uuid(),
  productId: z.string().min(1).max(64),
  /** The card's rank in the grid, from 1. */
  position: z.number().int().min(1).max(1000),
  source: z.enum(["model", "fallback"]).default("fallback"),
});
export type ClickEvent = z.infer<typeof clickEvent>;

export const eventsBody = z.strictObject({
  events: z.array(clickEvent).min(1, "send at least one event").max(MAX_EVENTS_PER_REQUEST, `at most ${MAX_EVENTS_PER_REQUEST} events a request`),
});

/** Where a card's add to cart came from, as the card knows it (its grid's showing and its rank). */
export const cardOrigin = z.strictObject({
  rankingId: z.uuid(),
  position: z.number().int().min(1).max(1000),
  source: z.enum(["model", "fallback"]),
});
export type CardOrigin = z.infer<typeof cardOrigin>;
