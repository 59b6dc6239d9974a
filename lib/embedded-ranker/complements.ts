import { sameStem, stems } from "./words";

// What goes with what, by kind of product: a merchandiser's table, not a rule per product. With a laptop in
// the cart, headphones rise; a second laptop falls (score.ts). Symmetric: each pair of groups goes both ways.

type KindGroup = readonly string[];

const BOOKS = "* book";

const GOES_WITH: readonly (readonly [KindGroup, KindGroup])[] = [
  [["laptop"], ["headphones", "earbuds"]],
  [["e-reader"], [BOOKS]],
  [["running shoes"], ["running watch", "water bottle", "massage gun", "headlamp", "earbuds"]],
  [["running watch", "smart watch"], ["running shoes", "earbuds"]],
  [["yoga mat"], ["water bottle", "massage gun"]],
  [["dumbbells", "kettlebell"], ["massage gun", "water bottle"]],
  [["tent"], ["sleeping bag", "sleeping pad", "headlamp", "camp stove", "water bottle"]],
  [["sleeping bag"], ["sleeping pad", "headlamp"]],
  [["hiking backpack", "hiking shoes"], ["water bottle", "headlamp", "camp stove", "hiking backpack", "hiking shoes"]],
  [["coffee machine"], ["cookbook"]],
  [["skillet", "dutch oven", "chef's knife", "pressure cooker", "stand mixer", "blender", "air fryer"], ["cookbook", "chef's knife"]],
  [["skillet", "dutch oven"], ["chef's knife"]],
  [["moisturizer", "serum", "sunscreen"], ["moisturizer", "serum", "sunscreen", "lip mask"]],
  [["lipstick", "lip gloss"], ["lip mask"]],
  [["shaver"], ["electric toothbrush"]],
  [["action camera"], ["headphones", "earbuds"]],
  [["sneakers", "jeans"], ["hoodie", "jacket", "sunglasses"]],
  [["jacket", "hoodie"], ["jeans", "sneakers"]],
];

/** The kinds the table knows, each with its stems. */
const TABLE_KINDS = [...new Set(GOES_WITH.flat(2).filter((kind) => kind !== BOOKS))].map((kind) => ({ kind, stems: stems(kind) }));

/**
 * The table's kind a shopper's word for a purchase names ("Wireless Headphones": headphones, "Sci-fi Book": a
 * book), or undefined: what it goes with can then be looked up whatever products are in view.
 */
export function kindOfPurchase(purchase: string): string | undefined {
  const words = stems(purchase);
  if (words.length === 0) return undefined;
  const lower = purchase.toLowerCase();
  if (lower.endsWith(" book") || lower === "book" || lower === "cookbook") return lower;
  return TABLE_KINDS.find((entry) => entry.stems.every((word) => words.some((own) => sameStem(own, word))))?.kind;
}

function inGroup(kind: string, group: KindGroup): boolean {
  return group.some((entry) => (entry === BOOKS ? kind.endsWith(" book") || kind === "cookbook" : entry === kind));
}

/** Whether a product of kind `b` goes with one of kind `a` already chosen (kinds as the catalog writes them). */
export function goesWith(a: string, b: string): boolean {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left === right) return false;
  return GOES_WITH.some(([one, other]) => (inGroup(left, one) && inGroup(right, other)) || (inGroup(left, other) && inGroup(right, one)));
}

/**
 * The kinds that go with one of kind `kind`, as the table names them (the personal shortlist looks them up in
 * the catalog); `books`: any book goes with it too.
 */
export function companionsOf(kind: string): { kinds: string[]; books: boolean } {
  const own = kind.toLowerCase();
  const others = GOES_WITH.flatMap(([one, other]) => [...(inGroup(own, one) ? other : []), ...(inGroup(own, other) ? one : [])]);
  return { kinds: [...new Set(others.filter((entry) => entry !== BOOKS && entry !== own))], books: others.includes(BOOKS) };
}
