import { kindOfPurchase } from "./complements";
import type { ProductWords } from "./product-words";
import { kindNamesOf, kindStemsOf, vocabularyFor } from "./product-words";
import { parseSearch, searchMatch, type SearchIntent } from "./searches";
import { namesCategory } from "./shopper-words";
import type { ShopperContext } from "./score";

// What the shopper is after and what their profile says, read once per ranking (score.ts weighs it per product).

/** A purchase the shopper rated, and the kind it is in the complements table, when it is one. */
export interface RatedPurchase {
  /** The shopper's words for it, lowercase. */
  name: string;
  purchase: string;
  stars: number;
  kind: string | undefined;
}

export interface Intents {
  /** What was typed on this page. */
  now?: SearchIntent;
  /** This visit's other searches, most recent first (gifts apart). */
  session: SearchIntent[];
  /** The profile's searches (gifts apart). */
  history: SearchIntent[];
  /** Searches for someone else, when the shopper is shopping for someone else now. */
  gift: SearchIntent[];
  /** This visit is about categories the profile does not browse (a runner looking at cookware). */
  elsewhere: boolean;
  /** How much a price over the shopper's usual spend counts against a product: more when they ask for cheap. */
  priceSensitivity: number;
  /** Searches that name a price limit ("under $50"), bounding what answers them. */
  capped: SearchIntent[];
  /** The shopper's name for each category slug in view they browse often. */
  browsed: ReadonlyMap<string, string>;
  rated: RatedPurchase[];
}

/** Whether this visit's views and categories are all in categories the shopper's profile does not browse. */
function visitIsElsewhere({ shopper, signals }: ShopperContext): boolean {
  const visited = new Set([...signals.recentlyViewed.map((item) => item.category), ...signals.recentCategories]);
  if (visited.size === 0) return false;
  return ![...visited].some((slug) => shopper.browsedCategories.some((name) => namesCategory(name, slug)));
}

export function readIntents(context: ShopperContext): Intents {
  const lexicon = { vocabulary: vocabularyFor(context.candidates), kinds: kindStemsOf(context.candidates), kindNames: kindNamesOf(context.candidates) };
  const parse = (text: string) => parseSearch(text, lexicon);
  const typed = context.search?.trim();
  // Matched as retrieval read it (corrections, synonyms), quoted as typed.
  const now = typed ? { ...parse(context.searchTerms?.trim() || typed), text: typed } : undefined;
  const session = context.signals.recentSearches.filter((text) => text.trim().toLowerCase() !== typed?.toLowerCase()).map(parse);
  const history = context.shopper.searchHistory.map(parse);
  // A gift search this visit, or the latest of the profile's when the visit has none, shops for someone else.
  const current = [...(now ? [now] : []), ...session];
  const gift = (current.length > 0 ? current : history.slice(0, 1)).some((intent) => intent.gift) ? [...current, ...history].filter((intent) => intent.gift) : [];
  // Asking for cheap now says more than having asked once.
  const priceSensitivity = [...current, ...gift].some((intent) => intent.cheap) ? 1.5 : history.slice(0, 2).some((intent) => intent.cheap) ? 1.2 : 1;
  const { shopper } = context;
  const slugs = new Set(context.candidates.map((product) => product.category));
  const browsed = new Map(
    [...slugs].flatMap((slug) => {
      const name = shopper.browsedCategories.find((own) => namesCategory(own, slug));
      return name ? [[slug, name] as const] : [];
    }),
  );
  const rated = shopper.recentPurchases.flatMap((purchase) => {
    const stars = shopper.ratings[purchase];
    return stars === undefined ? [] : [{ name: purchase.toLowerCase(), purchase, stars, kind: kindOfPurchase(purchase) }];
  });
  return {
    now,
    session: session.filter((intent) => !intent.gift),
    history: history.filter((intent) => !intent.gift),
    gift,
    elsewhere: visitIsElsewhere(context),
    priceSensitivity,
    capped: [...current, ...history.slice(0, 2), ...gift].filter((intent) => intent.priceCap !== undefined),
    browsed,
    rated,
  };
}

/** The best match among searches, the first ones weighing a little more. */
export function bestSearch(
  intents: readonly SearchIntent[],
  words: ProductWords,
  measure: (intent: SearchIntent, words: ProductWords) => number = searchMatch,
): { intent: SearchIntent; match: number } | undefined {
  let best: { intent: SearchIntent; match: number; weighted: number } | undefined;
  intents.forEach((intent, index) => {
    const match = measure(intent, words);
    const weighted = match * (1 - Math.min(index, 4) * 0.05);
    if (match > 0 && (!best || weighted > best.weighted)) best = { intent, match, weighted };
  });
  return best;
}
