import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { CATEGORIES, COLORS, MODELS, TITLE_WORDS, type CategorySpec, type KindSpec } from "./generate-data";

// `npm run catalog -- generate`: a synthetic catalog in the JSON Lines import format (DESIGN §4), for trying
// the store at scale. Deterministic: the same seed gives the same file, byte for byte, and product i is the
// same whatever N (one seeded stream, read in order; pure-rand's xoroshiro128+). Names read "Brand Attribute
// Kind Model"; prices spread log-normally around each kind's median, ratings cluster between 3.5 and 4.9,
// review counts are long-tailed, and a few products are not rated yet. No image: the placeholder.

/** Generated ids start here: ten digits, clear of the demo catalog's "1"…"72" and of Shopify handles' ids. */
export const FIRST_GENERATED_ID = 1_000_000_001;

export interface GeneratedProduct {
  id: string;
  name: string;
  brand: string;
  category: string;
  kind: string;
  price: number;
  rating?: number;
  reviewCount?: number;
  description: string;
  tags: string[];
}

const KINDS = CATEGORIES.flatMap((category) => category.kinds.map((kind, index) => ({ category, kind, brands: brandsOf(category, index) })));

/** Each kind is sold by a few of its category's brands, the same ones every run. */
function brandsOf(category: CategorySpec, kindIndex: number): { name: string; premium: number }[] {
  const count = 3 + (kindIndex % 3);
  return Array.from({ length: count }, (_, i) => {
    const index = (kindIndex * 3 + i) % category.brands.length;
    // Brands sit at price levels of their own: from 0.75× to 1.45× the kind's median.
    return { name: category.brands[index] ?? "Generic", premium: 0.75 + (0.7 * index) / Math.max(1, category.brands.length - 1) };
  });
}

class Draw {
  private readonly rng: RandomGenerator;
  constructor(rng: RandomGenerator) {
    this.rng = rng;
  }
  uniform = () => uniformFloat64(this.rng);
  int = (from: number, to: number) => uniformInt(this.rng, from, to);
  chance = (p: number) => this.uniform() < p;
  pick = <T>(items: readonly T[]): T => items[this.int(0, items.length - 1)] as T;
  /** A standard normal value (Box–Muller). */
  normal = () => Math.sqrt(-2 * Math.log(1 - this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  /** `count` different items, in drawn order. */
  some = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
  };
}

/** Shop prices: $x.99 under $200, $xx9.99 above. */
function shopPrice(dollars: number): number {
  const whole = dollars < 20 ? Math.max(1, Math.round(dollars)) : dollars < 200 ? Math.round(dollars / 5) * 5 : Math.round(dollars / 10) * 10;
  return Number((whole - 0.01).toFixed(2));
}

/** "a tent", "an 11-inch tablet", and no article for a plural kind ("earbuds", "running shoes"). */
function withArticle(phrase: string, kind: string): string {
  if (/[^s]s$/.test(kind)) return capital(phrase);
  return `${/^(?:[aeiou]|8|11-|18-)/i.test(phrase) ? "An" : "A"} ${phrase}`;
}
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "chef's knife" → "Chef's Knife", "e-reader" → "E-reader". */
const titleWords = (text: string) => text.split(" ").map(capital).join(" ");

/** Three sentences holding what shoppers search by: the kind, its uses, material, audience and features. */
function describe(draw: Draw, category: CategorySpec, kind: KindSpec, attribute: string): string {
  const [use, otherUse] = draw.some(kind.uses, 2);
  const material = draw.pick(kind.materials);
  const [audience, otherAudience] = draw.some(category.audiences, 2);
  const [feature, otherFeature] = draw.some(kind.tags, 2);
  const books = category.slug === "books";
  const noun = kind.kind.replace(/^(sci-fi|fantasy|thriller) book$/, "$1 novel");
  // "A cast iron skillet" says its material already: not "in aluminum" as well.
  const named = kind.materials.some((any) => attribute.includes(any) || any.includes(attribute));
  const madeOf = named ? "" : ` ${category.madeWith ?? "in"} ${material}`;
  const opening = `${withArticle(`${attribute} ${noun}`, kind.kind)}${madeOf}, made for ${use}${otherUse ? ` and ${otherUse}` : ""}.`;
  const middle = draw.pick([`Highlights: ${feature}${otherFeature ? ` and ${otherFeature}` : ""}.`, `A favorite for ${audience}.`, books ? "Hard to put down." : "Simple to use and easy to care for."]);
  const close = draw.chance(0.3) ? ` A thoughtful gift for ${otherAudience}.` : ` Great for ${otherAudience}.`;
  return `${opening} ${middle}${close}`;
}

function product(draw: Draw, index: number): GeneratedProduct {
  const { category, kind, brands } = draw.pick(KINDS);
  const brand = draw.pick(brands);
  const attribute = draw.pick(kind.attributes);
  let name: string;
  if (category.slug === "books") {
    name = `${draw.pick(TITLE_WORDS.openers)} ${draw.pick(TITLE_WORDS.nouns)} by ${draw.pick(TITLE_WORDS.first)} ${draw.pick(TITLE_WORDS.last)}`;
  } else {
    const color = category.slug !== "beauty" && draw.chance(0.35) ? `${titleWords(draw.pick(COLORS))} ` : "";
    const model = `${draw.pick(MODELS)}${draw.chance(0.5) ? ` ${draw.int(2, 9)}` : ""}`;
    name = `${brand.name} ${color}${titleWords(attribute)} ${titleWords(kind.kind)} ${model}`;
  }
  const budget = attribute === "budget" ? 0.6 : 1;
  const price = shopPrice(kind.price * brand.premium * budget * Math.exp(0.45 * draw.normal()));
  const rated = !draw.chance(0.03);
  const rating = rated ? Math.min(5, Math.max(1, draw.chance(0.05) ? 2.8 + 0.4 * draw.normal() : 4.3 + 0.28 * draw.normal())) : undefined;
  const reviewCount = rated ? Math.min(400_000, Math.max(1, Math.round(Math.exp(3.4 + 1.7 * draw.normal())))) : undefined;
  const description = describe(draw, category, kind, attribute);
  const tags = [...new Set([...draw.some(kind.tags, draw.int(2, 3)), attribute.toLowerCase()])];
  return {
    id: String(FIRST_GENERATED_ID + index),
    name,
    brand: brand.name,
    category: category.slug,
    kind: kind.kind,
    price,
    ...(rating === undefined ? {} : { rating: Math.round(rating * 10) / 10, reviewCount }),
    description,
    tags,
  };
}

/** The catalog's products in order, one JSON line each (with its newline). */
export function* generateCatalog({ products, seed }: { products: number; seed: number }): Generator<string> {
  const draw = new Draw(xoroshiro128plus(seed));
  for (let index = 0; index < products; index++) yield `${JSON.stringify(product(draw, index))}\n`;
}
