import { goesWith } from "./complements";
import { fieldWeight, type ProductWords } from "./product-words";
import { correct } from "./typos";
import { rawWords, sameStem, stem } from "./words";

// What a search asks for. Its head words name a kind of product ("laptop", "yoga mat"): a product that is not
// that kind answers it barely, whatever else it shares ("best budget laptops" is not a search for budget
// headphones, "air fryer" not for a MacBook Air). Its other words narrow it ("budget", "waterproof").
// A search for someone else ("gift for my dad who loves cooking") is about the recipient's interests.

const GIFT_WORDS = new Set(["gift", "gifts", "present", "presents", "birthday", "anniversary", "christmas", "holiday", "holidays", "stocking", "stuffer", "valentine", "valentines", "secret", "santa"]);
const RECIPIENTS = new Set([
  "dad", "mom", "mum", "father", "mother", "parents", "wife", "husband", "son", "daughter", "nephew", "niece", "friend", "friends", "buddy",
  "boyfriend", "girlfriend", "partner", "brother", "sister", "grandma", "grandpa", "grandmother", "grandfather", "kid", "kids", "child",
  "children", "boss", "coworker", "colleague", "teen", "teenager", "aunt", "uncle", "him", "someone",
]);
/** Words of a gift search that describe the recipient, not what they like ("10 year old", "father's day"). */
const ABOUT_THE_RECIPIENT = new Set(["year", "years", "old", "day"]);
const CHEAP_WORDS = new Set(["cheap", "cheapest", "affordable", "inexpensive", "bargain", "deal", "deals", "budget", "frugal", "student"]);
/** Cheap words that are no property of a product (unlike "budget", a tag). */
const PRICE_ONLY = new Set(["cheap", "cheapest", "affordable", "inexpensive", "bargain", "deal", "deals", "frugal"]);
/**
 * A price limit: "under $1,000", "below 50", "up to $80", "max 40 dollars". "Up to", "within" and "max" say
 * a price only with a currency ("tent up to 4 people", "within 2 days" do not).
 */
const PRICE_CAP = /\b(?:(?:under|below|less than)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)|(?:up to|within|max(?:imum)?)\s*(?:\$\s*(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(?:dollars|usd|bucks)\b))/;

function priceCapOf(text: string): { cap: number; phrase: string } | undefined {
  const found = PRICE_CAP.exec(text.toLowerCase());
  const amount = found?.[1] ?? found?.[2] ?? found?.[3];
  const cap = amount === undefined ? Number.NaN : Number(amount.replace(/,/g, ""));
  return found && Number.isFinite(cap) && cap > 0 ? { cap, phrase: found[0] } : undefined;
}

export interface SearchIntent {
  /** As the shopper typed it. */
  text: string;
  /** Stems naming a kind of product among those in view. */
  heads: string[];
  /** The other stems that say what is wanted. */
  modifiers: string[];
  /** For someone else: the words left say what the recipient likes. */
  gift: boolean;
  /** Asks for a low price ("cheap", "budget", "under $50"). */
  cheap: boolean;
  /** "under $50": dollars; it bounds what answers this search. */
  priceCap?: number;
  /** The kinds of product in view whose words it uses ("runner": running shoes, running watch). */
  kindsNamed: string[];
}

interface Lexicon {
  /** Words of the products in view, counted (typos.ts). */
  vocabulary: ReadonlyMap<string, number>;
  /** Stems that name a kind of product in view (their last word). */
  kinds: ReadonlySet<string>;
  /** The kinds of product in view, with their stems. */
  kindNames: readonly { kind: string; stems: readonly string[] }[];
}

export function parseSearch(text: string, lexicon: Lexicon): SearchIntent {
  const cap = priceCapOf(text);
  // The limit is no part of what is wanted: "tent under $100" is a search for a tent.
  const words = rawWords(cap ? text.toLowerCase().replace(cap.phrase, " ") : text);
  const gift = words.some((word) => GIFT_WORDS.has(word) || RECIPIENTS.has(word));
  const heads: string[] = [];
  const modifiers: string[] = [];
  for (const word of words) {
    if (GIFT_WORDS.has(word) || RECIPIENTS.has(word) || PRICE_ONLY.has(word) || (gift && ABOUT_THE_RECIPIENT.has(word))) continue;
    const stemmed = stem(correct(word, lexicon.vocabulary));
    const list = [...lexicon.kinds].some((kind) => sameStem(kind, stemmed)) ? heads : modifiers;
    if (!list.includes(stemmed)) list.push(stemmed);
  }
  const used = [...heads, ...modifiers];
  return {
    text,
    heads,
    modifiers,
    gift,
    cheap: cap !== undefined || words.some((word) => CHEAP_WORDS.has(word)),
    ...(cap ? { priceCap: cap.cap } : {}),
    kindsNamed: lexicon.kindNames.filter((entry) => entry.stems.some((own) => used.some((word) => sameStem(own, word)))).map((entry) => entry.kind),
  };
}

const share = (stems: readonly string[], words: ProductWords, withCategory = false) =>
  stems.reduce((sum, word) => sum + fieldWeight(word, words, withCategory), 0) / stems.length;

/**
 * How well a product answers a search, 0–1: half for being a kind the search names, the rest by the share of
 * its other words it has ("best budget laptops": a budget laptop 1, a MacBook 0.5); a product of another kind
 * answers it not at all. A search of modifiers only ("waterproof") is the share of them the product has.
 */
export function searchMatch(intent: SearchIntent, words: ProductWords): number {
  const modifierShare = intent.modifiers.length === 0 ? 1 : share(intent.modifiers, words);
  if (intent.heads.length === 0) return intent.modifiers.length === 0 ? 0 : modifierShare;
  // Being one of the kinds named is what counts ("laptop and headphones": either).
  return intent.heads.some((word) => fieldWeight(word, words) >= 0.8) ? 0.5 + 0.5 * modifierShare : 0;
}

/**
 * How well a product suits what a gift's recipient likes ("who loves cooking", "runner"): the share of those
 * words it has, anywhere; or, when they name a kind of product ("runner": running shoes), being something
 * that goes with it (a bottle, a headlamp) — a gift need not be the very thing they already own.
 */
export function interestMatch(intent: SearchIntent, words: ProductWords): number {
  const interests = [...intent.heads, ...intent.modifiers];
  if (interests.length === 0) return 0;
  // A kind asked for ("fantasy books") is a search; likings ("scouts and camping") need one to fit, all are better.
  const direct =
    intent.heads.length > 0
      ? searchMatch(intent, words)
      : 0.6 * Math.max(...interests.map((word) => fieldWeight(word, words, true))) + 0.4 * share(interests, words, true);
  const alongside = intent.kindsNamed.some((kind) => goesWith(kind, words.product.kind)) ? 0.6 : 0;
  return Math.max(direct, alongside);
}
