import { z } from "zod";

// A shopper's history: what a browser did, bought, rated and turned down. The store reads it from its
// tables (load-history.ts); an eval case writes it by hand (DESIGN §8). Either way one function turns it
// into a profile (derive-profile.ts).

const at = z.iso.datetime({ offset: true });

export const historyEventSchema = z.object({
  kind: z.enum(["view", "search", "category", "cart-add"]),
  productId: z.string().min(1).optional(),
  query: z.string().min(1).optional(),
  /** A category slug. */
  category: z.string().min(1).optional(),
  at,
});

export const historySchema = z.object({
  /** Newest first or in any order; only the most recent MAX_EVENTS count. */
  events: z.array(historyEventSchema).default([]),
  orders: z.array(z.object({ at, items: z.array(z.object({ productId: z.string().min(1), quantity: z.number().int().min(1), /** US cents each, as placed; the catalog's price when absent. */ priceCents: z.number().int().min(0).optional() })).min(1) })).default([]),
  ratings: z.record(z.string(), z.number().int().min(1).max(5)).default({}),
  notInterested: z.array(z.string().min(1)).default([]),
});
export type History = z.infer<typeof historySchema>;

/** What a history names about a product, looked up in the catalog. */
export interface HistoryProduct {
  id: string;
  name: string;
  brand: string;
  kind: string;
  /** Category slug. */
  category: string;
  /** US cents. */
  priceCents: number;
}

/** A history with the products and categories it names, ready to derive a profile from. */
export interface ResolvedHistory {
  history: History;
  products: ReadonlyMap<string, HistoryProduct>;
  /** Category slug → the name a shopper says ("Books"). */
  categoryNames: ReadonlyMap<string, string>;
}

/** How much recent history a profile is derived from: bounded, so a long history costs no more per ranking. */
export const MAX_EVENTS = 200;
export const MAX_ORDERS = 50;
