import { z } from "zod";

export const shopperIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "a shopper id is 1–40 letters, digits, - or _");

/** `?shopper=me`: the calling browser's own shopper, its profile derived from its own history. */
export const OWN_SHOPPER = "me";

/** How the browser's own shopper is named wherever it is shown. */
export const OWN_SHOPPER_LABEL = { name: "You", tagline: "Ranked from what you do here" } as const;

export const shopperProfileSchema = z.object({
  id: shopperIdSchema,
  name: z.string().min(1),
  /** One line the shopper switcher shows. */
  tagline: z.string().min(1),
  /** What they bought: the kind of thing ("Laptop"), as the seed profile words it. */
  recentPurchases: z.array(z.string().min(1)),
  /** Category names as a shopper would say them ("Fitness Equipment"). */
  browsedCategories: z.array(z.string().min(1)),
  /** Stars (1–5) they gave to things they bought, by the same words as recentPurchases. */
  ratings: z.record(z.string(), z.number().int().min(1).max(5)),
  /** Most recent first. */
  searchHistory: z.array(z.string().min(1)),
  preferredBrands: z.array(z.string().min(1)),
  /** Brands they answered "not interested" to. */
  dislikedBrands: z.array(z.string().min(1)),
  loyaltyStatus: z.string().min(1),
  /** US dollars a month. */
  averageMonthlySpend: z.number().nonnegative(),
  preferredShoppingTimes: z.string().min(1),
  /** Product ids they answered "not interested" to (a browser's own shopper; DESIGN §4). */
  notInterested: z.array(z.string().min(1)).optional(),
});
export type ShopperProfile = z.infer<typeof shopperProfileSchema>;

/** The facts about a product that a signal carries, so the ranker need not look it up. */
export const signalProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  brand: z.string(),
  kind: z.string(),
  category: z.string(),
});
export type SignalProduct = z.infer<typeof signalProductSchema>;

/** What the shopper is doing right now; recent first, bounded. */
export const liveSignalsSchema = z.object({
  cart: z.array(signalProductSchema),
  recentlyViewed: z.array(signalProductSchema),
  recentSearches: z.array(z.string()),
  /** Category slugs. */
  recentCategories: z.array(z.string()),
});
export type LiveSignals = z.infer<typeof liveSignalsSchema>;

export const NO_SIGNALS: LiveSignals = { cart: [], recentlyViewed: [], recentSearches: [], recentCategories: [] };
