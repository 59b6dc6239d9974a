import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";
import { goesWith } from "./complements";
import { bestSearch, readIntents, type Intents } from "./intents";
import { productWords, type ProductWords } from "./product-words";
import { interestMatch, searchMatch, type SearchIntent } from "./searches";
import { samePurchase } from "./shopper-words";
import { rawWords } from "./words";

// The embedded ranker (docs/architecture.md §15): scores each candidate against what the shopper is doing now
// (the search typed, this visit's searches, views and cart) and who they are (brands, searches, categories,
// purchases, spend). What they do now weighs more than their profile, and a search for someone else sets the
// shopper's own tastes aside. Deterministic, instant, no tokens: the fallback order and the simulated model.
// Tuned on eval/sets/dev.jsonl and checked on a set it was not tuned on (EVALS.md).

/** One reason a product scored, with its weight; the strongest positive ones become the written reason. */
export interface Feature {
  weight: number;
  /** Words for the reason; empty: it counts, but says nothing worth writing. */
  text: string;
}

export interface ScoredProduct {
  product: Product;
  score: number;
  features: Feature[];
}

export interface ShopperContext {
  shopper: ShopperProfile;
  signals: LiveSignals;
  candidates: readonly Product[];
  /** What the shopper searched for on this very page, when they did. */
  search?: string;
  /**
   * The same search as the store's retrieval read it — misspelt words corrected, synonyms added ("earphones
   * earbuds headphones") — what products are matched against; reasons still quote `search`.
   */
  searchTerms?: string;
}

/** What answering this page's search is worth (× how well, 0–1). */
const SEARCHED_NOW = 10;

/** A search matched this well (0–1) or better may be named in a reason. */
const CLAIMED_MATCH = 0.6;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const money = (dollars: number) => `$${Math.round(dollars).toLocaleString("en-US")}`;
/** A search as a reason quotes it: short, so a reason stays within the contract's 280 characters. */
const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text}”`;

type Add = (weight: number, text: string) => void;

interface Scoring {
  words: ProductWords;
  product: Product;
  context: ShopperContext;
  intents: Intents;
  add: Add;
  /** May a search's match be named in the reason? Not a search for something cheap by a product over the shopper's means. */
  claims: (match: number, intent: SearchIntent) => boolean;
  /** How well the product answers what was searched: this page's search, this visit's, the profile's. */
  sought: number;
  /** The lowest price limit of the searches the product answers, if any. */
  cap: number | undefined;
}

/** Why it suits the recipient, in the gift search's own words ("who loves cooking"), or the search itself. */
function giftReason(intent: SearchIntent): string {
  const interests = intent.text.match(/\b(?:loves?|likes?|enjoys?|is into|into)\s+(.+)$/i)?.[1];
  return interests ? `a gift idea for someone who loves ${quote(interests.replace(/[.!?]+$/, "")).slice(1, -1)}` : `fits your gift search ${quote(intent.text)}`;
}

/** What the shopper searched for, on this page and this visit, and what a gift's recipient likes. */
function searchedNow({ words, product, intents, add, claims, cap }: Scoring): number {
  let sought = 0;
  if (intents.now) {
    const match = searchMatch(intents.now, words);
    // What is searched for on this page comes first: more than any profile can add up to (a MacBook is no
    // answer to "headphones", however much the shopper likes Apple); the profile orders the answers.
    add(SEARCHED_NOW * match, claims(match, intents.now) && !intents.now.gift ? `matches your search ${quote(intents.now.text)}` : "");
    sought = match;
  }
  const recent = bestSearch(intents.session, words);
  if (recent) add(3.5 * recent.match, claims(recent.match, recent.intent) ? `you just searched for ${quote(recent.intent.text)}` : "");
  const forThem = bestSearch(intents.gift, words, interestMatch);
  if (forThem) add(3.5 * forThem.match, claims(forThem.match, forThem.intent) ? giftReason(forThem.intent) : "");
  // A gift is something a little special: well-made over everyday, within what they mean to spend.
  if (intents.gift.length > 0 && product.tags.includes("premium") && product.price <= (cap ?? Infinity)) add(0.6, "");
  return Math.max(sought, recent?.match ?? 0);
}

/** This visit's views, categories and cart: what goes with the cart rises, its alternatives step back. */
function thisVisit({ product, context: { signals }, add }: Scoring): void {
  if (signals.recentlyViewed.some((item) => item.id === product.id)) add(2.5, "you looked at it recently");
  else {
    const similar = signals.recentlyViewed.find((item) => same(item.kind, product.kind));
    if (similar) add(2, `like the ${similar.name} you just looked at`);
    else if (signals.recentlyViewed.some((item) => item.category === product.category)) add(0.6, "");
  }
  if (signals.recentCategories.includes(product.category)) add(1.2, "in the category you are browsing");
  // The strongest tie to anything in the cart: being in it, then its alternatives, then what goes with it.
  const { cart } = signals;
  if (cart.some((item) => item.id === product.id)) return add(-8, "already in your cart");
  const alternative = cart.find((item) => same(item.kind, product.kind));
  // Stronger than the views and searches that led to the one in the cart.
  if (alternative) return add(-5, `you already have the ${alternative.name} in your cart`);
  const partner = cart.find((item) => goesWith(item.kind, product.kind));
  if (partner) return add(3, `goes with the ${partner.name} in your cart`);
  if (cart.some((item) => item.category === product.category || same(item.brand, product.brand))) add(0.4, "");
}

/** Whether this page's search names the brand ("adidas shoes" names Adidas). */
function namedNow(intents: Intents, brand: string): boolean {
  const words = rawWords(brand);
  const typed = new Set(rawWords(intents.now?.text ?? ""));
  return words.length > 0 && words.every((word) => typed.has(word));
}

/** Who the shopper is: brands, past searches, categories, purchases. Returns how well a past search matched. */
function theirProfile({ words, product, context: { shopper }, intents, add, claims }: Scoring): number {
  const answersNow = intents.now !== undefined && searchMatch(intents.now, words) >= 0.5;
  // Their own tastes count little when they shop for someone else, less when this visit is elsewhere, and
  // little for what does not answer the search typed on this page (they order the answers instead).
  const own = (intents.gift.length > 0 ? 0.15 : intents.elsewhere ? 0.4 : 1) * (intents.now && !answersNow ? 0.3 : 1);
  if (shopper.preferredBrands.some((brand) => same(brand, product.brand))) add(2.5 * own, `you like ${product.brand}`);
  // What they search for now beats what they once passed on: nothing against the brand they ask for ("adidas
  // shoes"), and a product answering the search stays above the ones that do not (the only shaver for "razor").
  if (shopper.dislikedBrands.some((brand) => same(brand, product.brand)) && !namedNow(intents, product.brand)) {
    add(answersNow ? -3 : -8, `you passed on ${product.brand} before`);
  }
  const past = bestSearch(intents.history, words);
  if (past) add(3 * own * past.match, claims(past.match, past.intent) ? `matches your search ${quote(past.intent.text)}` : "");
  const browsed = intents.browsed.get(product.category);
  if (browsed) add(1.2 * own, `you often browse ${browsed}`);

  // A purchase rated well: another of its kind a little (they like such things, and may own one now), what
  // goes with it more; one rated badly counts against its kind.
  const alike = intents.rated.find(({ purchase }) => samePurchase(purchase, words));
  if (alike && alike.stars >= 4) add((0.5 + (alike.stars - 4) * 0.25) * own, `you rated your ${alike.name} ${alike.stars} stars`);
  else if (alike && alike.stars <= 2) add(-1.5, `you rated your ${alike.name} ${alike.stars} stars`);
  else if (!alike) {
    const partner = intents.rated.find(({ stars, kind }) => stars >= 4 && kind !== undefined && goesWith(kind, product.kind));
    if (partner) add(own, `goes with your ${partner.name}`);
  }
  return past?.match ?? 0;
}

/** Price: against a limit named for what the product answers, and against what they usually spend — less for what they search for. */
function itsPrice({ product, context: { shopper }, intents, add, sought, cap }: Scoring): void {
  if (cap !== undefined) {
    if (product.price > cap) add(-3, `over your ${money(cap)} limit`);
    else add(0.3, `under your ${money(cap)} limit`);
  }
  const budget = shopper.averageMonthlySpend;
  if (budget > 0 && product.price > budget) {
    const times = product.price / budget;
    const penalty = Math.min(3, 0.3 + 0.8 * intents.priceSensitivity * Math.log2(times)) * (sought >= 0.5 ? 0.5 : 1);
    add(-penalty, `${times >= 2 ? "well over" : "above"} your usual ${money(budget)} a month`);
  }
  if (intents.priceSensitivity > 1 && product.tags.includes("budget")) add(intents.priceSensitivity - 1, "budget-friendly, as you asked");
}

/** Scores one candidate; every feature that counts is kept with its words. */
function scoreOne(words: ProductWords, context: ShopperContext, intents: Intents): ScoredProduct {
  const { product } = words;
  const features: Feature[] = [];
  const add: Add = (weight, text) => {
    if (weight !== 0) features.push({ weight, text });
  };
  const budget = context.shopper.averageMonthlySpend;
  // A limit ("under $50") bounds what answers its search: a tent, for "tents under $100", not a stand mixer.
  const caps = intents.capped.filter((intent) => (intent.gift ? interestMatch(intent, words) : searchMatch(intent, words)) >= 0.5).map((intent) => intent.priceCap as number);
  const cap = caps.length > 0 ? Math.min(...caps) : undefined;
  const pricey = product.price > (cap ?? Infinity) || (budget > 0 && product.price > budget);
  const claims = (match: number, intent: SearchIntent) => match >= CLAIMED_MATCH && !(intent.cheap && pricey);
  const scoring: Scoring = { words, product, context, intents, add, claims, sought: 0, cap };
  const now = searchedNow(scoring);
  thisVisit(scoring);
  const past = theirProfile(scoring);
  itsPrice({ ...scoring, sought: Math.max(now, past) });
  // Quality breaks ties between otherwise equal picks, quietly (never a written reason on its own). A product
  // nobody has rated yet (rating 0) counts as an average one, not as the worst.
  const quality = ((product.rating || 4) - 4) * 0.6 + Math.log10(product.reviewCount + 10) * 0.1;
  return { product, score: features.reduce((sum, feature) => sum + feature.weight, 0) + quality, features };
}

/** The candidates best first; equal scores keep the candidates' (baseline) order, so the result is deterministic. */
export function scoreCandidates(context: ShopperContext): ScoredProduct[] {
  const intents = readIntents(context);
  return context.candidates
    .map((product, index) => ({ scored: scoreOne(productWords(product), context, intents), index }))
    .sort((a, b) => b.scored.score - a.scored.score || a.index - b.index)
    .map(({ scored }) => scored);
}
