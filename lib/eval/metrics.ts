import type { Category, Product } from "@/lib/catalog/types";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";

// The figures of one ranking against a case's grades (EVALS.md, "What the figures mean").

/** Discounted cumulative gain of the first k: gain 2^grade − 1 at place i (1-based) discounted by log2(i + 1). */
function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  grades.slice(0, k).forEach((grade, index) => {
    sum += (2 ** grade - 1) / Math.log2(index + 2);
  });
  return sum;
}

/**
 * DCG of the ranking over DCG of the best possible order: of the same candidates, or, for a search (`ofAllGraded`),
 * of every graded product, so that what the search failed to find counts against it. 1 is perfect.
 */
export function ndcgAt(ranked: readonly string[], relevance: Readonly<Record<string, number>>, k: number, ofAllGraded = false): number {
  const grades = ranked.map((id) => relevance[id] ?? 0);
  const ideal = dcg((ofAllGraded ? Object.values(relevance) : [...grades]).sort((a, b) => b - a), k);
  return ideal === 0 ? 0 : dcg(grades, k) / ideal;
}

/** The share of the first k (or of all candidates, when fewer) graded at least `min`. */
export function precisionAt(ranked: readonly string[], relevance: Readonly<Record<string, number>>, k: number, min = 2): number {
  const top = ranked.slice(0, k);
  return top.length === 0 ? 0 : top.filter((id) => (relevance[id] ?? 0) >= min).length / top.length;
}

/** The share of the graded products (grade ≥ `min`) found among the first k; 1 when none is graded. */
export function recallAt(ranked: readonly string[], relevance: Readonly<Record<string, number>>, k: number, min = 1): number {
  const wanted = Object.keys(relevance).filter((id) => (relevance[id] ?? 0) >= min);
  if (wanted.length === 0) return 1;
  const top = new Set(ranked.slice(0, k));
  return wanted.filter((id) => top.has(id)).length / wanted.length;
}

const lower = (text: string) => text.toLowerCase();

/** How many of the first k are of a brand the shopper dislikes. */
export function dislikedInTop(ranked: readonly string[], products: ReadonlyMap<string, Product>, shopper: ShopperProfile, k: number): number {
  const disliked = new Set(shopper.dislikedBrands.map(lower));
  return ranked.slice(0, k).filter((id) => disliked.has(lower(products.get(id)?.brand ?? ""))).length;
}

// Words that make no fact of a search ("best budget laptops 2023" is the fact "budget laptops").
const FILLER = new Set(["best", "latest", "new", "top", "good", "for", "the", "a", "an", "and", "of", "with", "to", "in", "on", "my", "me"]);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”"]/g, " ")
    .replace(/[^a-z0-9'$&%.+-]+/g, " ")
    .replace(/[.'-]+(?= |$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The facts of a case's profile and live signals a reason can name (EVALS.md): brands liked or disliked,
 * categories (as the shopper words them, and the categories browsed now), searches (as typed, and without
 * filler words), and the items in the cart or recently viewed (by name, and by name without the brand).
 * Purchases are left out: "laptop" in a laptop's reason is a description, not a fact about the shopper.
 */
export function factsOf(shopper: ShopperProfile, signals: LiveSignals, categories: readonly Category[]): string[] {
  const facts = new Set<string>();
  const add = (text: string) => {
    const fact = normalise(text);
    if (fact.length >= 3) facts.add(fact);
  };
  [...shopper.preferredBrands, ...shopper.dislikedBrands].forEach(add);
  for (const name of shopper.browsedCategories) {
    add(name);
    name.split("&").forEach(add);
  }
  for (const slug of signals.recentCategories) {
    const name = categories.find((category) => category.slug === slug)?.name ?? slug;
    add(name);
    name.split("&").forEach(add);
  }
  for (const search of [...shopper.searchHistory, ...signals.recentSearches]) {
    add(search);
    add(
      normalise(search)
        .split(" ")
        .filter((word) => !FILLER.has(word) && !/^\d{4}$/.test(word))
        .join(" "),
    );
  }
  for (const item of [...signals.cart, ...signals.recentlyViewed]) {
    add(item.name);
    const withoutBrand = item.name.toLowerCase().startsWith(`${item.brand.toLowerCase()} `) ? item.name.slice(item.brand.length + 1) : item.name;
    add(withoutBrand);
    add(withoutBrand.replace(/\s*\(.*?\)\s*/g, " ").replace(/\s+by\s+.*$/i, ""));
  }
  return [...facts];
}

/** Whether a reason names one of the facts, as whole words. */
function namesAFact(reason: string, facts: readonly string[]): boolean {
  const text = ` ${normalise(reason)} `;
  return facts.some((fact) => text.includes(` ${fact} `) || text.includes(` ${fact}'s `) || text.includes(` ${fact}s `));
}

/** The share of reasons naming a fact of the case; null when there are no reasons. */
export function groundedShare(reasons: readonly string[], facts: readonly string[]): number | null {
  if (reasons.length === 0) return null;
  return reasons.filter((reason) => namesAFact(reason, facts)).length / reasons.length;
}
