import type { ScoredProduct } from "./score";

const count = new Intl.NumberFormat("en-US");

function sentence(parts: string[]): string {
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A short reason written from the features that scored: the two strongest for, or the plainest facts. */
export function writeReason({ product, features }: ScoredProduct): string {
  const strongest = [...features].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const positive = strongest.filter((feature) => feature.weight > 0).slice(0, 2).map((feature) => feature.text);
  if (positive.length > 0) return sentence(positive);
  const rated = `rated ${product.rating.toFixed(1)} by ${count.format(product.reviewCount)} shoppers`;
  const against = strongest.find((feature) => feature.weight < 0);
  return sentence(against ? [rated, `though ${against.text}`] : [rated]);
}
