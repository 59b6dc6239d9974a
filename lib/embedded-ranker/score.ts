import type { Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";

/** One reason a product scored, with its weight; the strongest positive ones become the written reason. */
export interface Feature {
  weight: number;
  text: string;
}

export interface ScoredProduct {
  product: Product;
  score: number;
  features: Feature[];
}

// Words that say nothing about what a search wants.
const STOPWORDS = new Set(["best", "latest", "new", "top", "good", "cheap", "for", "the", "a", "an", "and", "of", "with", "to", "in", "on", "my"]);

/** Lowercase word stems: "laptops" → "laptop", "books" → "book"; years and stopwords dropped. */
export function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word))
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word));
}

function productStems(product: Product): Set<string> {
  return new Set(stems([product.name, product.kind, product.description, ...product.tags].join(" ")));
}

/** How much of a search the product answers: the share of the search's words it contains. */
function searchMatch(search: string, words: Set<string>): number {
  const wanted = stems(search);
  if (wanted.length === 0) return 0;
  return wanted.filter((word) => words.has(word)).length / wanted.length;
}

/** A shopper's words for a category ("Fitness Equipment") against a slug ("fitness"). */
function namesCategory(name: string, slug: string): boolean {
  const slugWords = slug.split("-");
  return stems(name).some((word) => slugWords.some((part) => part === word || (part.length > 3 && word.startsWith(part))));
}

function sameWords(a: string, b: string): boolean {
  const left = stems(a).join(" ");
  return left.length > 0 && left === stems(b).join(" ");
}

const sameBrand = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const money = (dollars: number) => `$${Math.round(dollars).toLocaleString("en-US")}`;

/** Scores one candidate against the profile and live signals; every feature that counts is kept with its words. */
export function scoreProduct(product: Product, shopper: ShopperProfile, signals: LiveSignals): ScoredProduct {
  const features: Feature[] = [];
  const add = (weight: number, text: string) => features.push({ weight, text });
  const words = productStems(product);

  if (shopper.preferredBrands.some((brand) => sameBrand(brand, product.brand))) add(3, `${product.brand} is one of your favourite brands`);
  if (shopper.dislikedBrands.some((brand) => sameBrand(brand, product.brand))) add(-5, `you passed on ${product.brand} before`);

  let bestSearch: { search: string; match: number } | undefined;
  for (const search of shopper.searchHistory) {
    const match = searchMatch(search, words);
    // Half the search's words at least, or the claim "matches your search" would overstate it.
    if (match >= 0.5 && (!bestSearch || match > bestSearch.match)) bestSearch = { search, match };
  }
  if (bestSearch) add(3 * bestSearch.match, `matches your search “${bestSearch.search}”`);

  const browsed = shopper.browsedCategories.find((name) => namesCategory(name, product.category));
  if (browsed) add(1.5, `${browsed} is a category you browse often`);

  for (const purchase of shopper.recentPurchases) {
    if (!sameWords(purchase, product.kind) && !stems(purchase).every((word) => words.has(word))) continue;
    const stars = shopper.ratings[purchase];
    if (stars !== undefined && stars >= 4) add(1 + (stars - 4) * 0.5, `you rated your ${purchase.toLowerCase()} ${stars} stars`);
    else if (stars !== undefined && stars <= 2) add(-1.5, `you rated your ${purchase.toLowerCase()} ${stars} stars`);
    else add(0.5, `you recently bought a ${purchase.toLowerCase()}`);
    break;
  }

  const budget = shopper.averageMonthlySpend;
  if (budget > 0 && product.price > 2 * budget) add(-1.5, `well over your usual ${money(budget)} a month`);
  else if (budget > 0 && product.price > budget) add(-0.75, `above your usual ${money(budget)} a month`);

  for (const item of signals.cart) {
    if (item.id === product.id) {
      add(-6, "already in your cart");
      break;
    }
    if (sameWords(item.kind, product.kind)) {
      add(-2, `you already have the ${item.name} in your cart`);
      break;
    }
    if (sameBrand(item.brand, product.brand) || item.category === product.category) {
      add(2.5, `goes with the ${item.name} in your cart`);
      break;
    }
  }

  const viewed = signals.recentlyViewed.find((item) => item.id === product.id);
  if (viewed) add(2, "you looked at it recently");
  else {
    const similar = signals.recentlyViewed.find((item) => sameWords(item.kind, product.kind));
    if (similar) add(1, `like the ${similar.name} you just looked at`);
  }

  const recentSearch = signals.recentSearches.find((search) => searchMatch(search, words) >= 0.5);
  if (recentSearch) add(3, `you just searched for “${recentSearch}”`);

  if (signals.recentCategories.includes(product.category)) add(1.5, "in a category you are browsing now");

  // Quality breaks ties between otherwise equal picks, quietly (never a written reason on its own).
  const quality = (product.rating - 4) * 0.6 + Math.log10(product.reviewCount + 10) * 0.1;
  const score = features.reduce((sum, feature) => sum + feature.weight, 0) + quality;
  return { product, score, features };
}

/** The candidates best first; equal scores keep the candidates' (baseline) order, so the result is deterministic. */
export function scoreCandidates(candidates: readonly Product[], shopper: ShopperProfile, signals: LiveSignals): ScoredProduct[] {
  return candidates
    .map((product, index) => ({ scored: scoreProduct(product, shopper, signals), index }))
    .sort((a, b) => b.scored.score - a.scored.score || a.index - b.index)
    .map(({ scored }) => scored);
}
