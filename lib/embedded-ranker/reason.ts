import type { ScoredProduct } from "./score";

const count = new Intl.NumberFormat("en-US");

const SEARCHED = "matches your search ";

const quoted = (text: string | undefined) => text?.match(/“[^”]*”/)?.[0];

/**
 * Two parts that both name a search read as one ("matches your searches “budget” and “budget headphones”"),
 * and the same search named twice (this visit and the profile) once.
 */
function joined(parts: string[]): string {
  const [first, second] = parts;
  if (first && quoted(first) !== undefined && quoted(first) === quoted(second)) return first;
  if (first?.startsWith(SEARCHED) && second?.startsWith(SEARCHED)) return `matches your searches ${first.slice(SEARCHED.length)} and ${second.slice(SEARCHED.length)}`;
  return parts.join("; ");
}

function sentence(parts: string[]): string {
  const text = joined(parts);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** What the baseline order says of a product: how it is rated, and by how many. */
export function popularityReason(product: { rating: number; reviewCount: number }): string {
  return sentence([product.rating === 0 ? "not yet rated" : `popular: rated ${product.rating.toFixed(1)} by ${count.format(product.reviewCount)} shoppers`]);
}

/** A short reason written from the features that scored: the two strongest for, or the plainest facts. */
export function writeReason({ product, features }: ScoredProduct): string {
  const strongest = [...features].filter((feature) => feature.text !== "").sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const positive = strongest.filter((feature) => feature.weight > 0).slice(0, 2).map((feature) => feature.text);
  if (positive.length > 0) return sentence(positive);
  const rated = product.rating === 0 ? "not yet rated" : `rated ${product.rating.toFixed(1)} by ${count.format(product.reviewCount)} shoppers`;
  const against = strongest.find((feature) => feature.weight < 0);
  return sentence(against ? [rated, `though ${against.text}`] : [rated]);
}
