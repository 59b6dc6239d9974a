// A model's answer as the bench feeds it: N ranked elements with realistic, awkward reasons (escaped
// quotes, braces inside strings, non-ASCII), split into fixed-size chunks.

const REASONS = [
  'Apple is one of your favourite brands; matches your search "best budget laptops 2023".',
  "Goes with the Sony WH-1000XM4 in your cart — {great} for long flights [noise-canceling].",
  "Fitness Equipment is a category you browse often; rated 4.8 by 4,300 shoppers ✓.",
  "Matches your search “latest sci-fi books”; a bestseller in hardcover \\ paperback.",
];

export interface Answer {
  /** The whole answer text under the given array key. */
  text: string;
  elements: { id: string; reason: string }[];
  /** Offset of each element's closing brace in `text`. */
  closes: number[];
}

export function buildAnswer(count: number, key = "products"): Answer {
  const elements = Array.from({ length: count }, (_, i) => ({ id: String(i + 1), reason: REASONS[i % REASONS.length] as string }));
  let text = `{"${key}":[`;
  const closes: number[] = [];
  elements.forEach((element, i) => {
    text += JSON.stringify(element);
    closes.push(text.length - 1);
    if (i < count - 1) text += ",";
  });
  text += "]}";
  return { text, elements, closes };
}

export function chunk(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}
