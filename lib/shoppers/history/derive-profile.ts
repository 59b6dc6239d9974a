import type { ShopperProfile } from "@/lib/shoppers/types";
import type { ResolvedHistory } from "./history";

// A profile in the seed's own terms (DESIGN §4), derived from a shopper's history — the same function for
// the store and for eval cases — with, for each fact, where it comes from (the profile page says so).

/** Interest halves every two weeks: what they did this month counts more than what they did in spring. */
const HALF_LIFE_DAYS = 14;
const DAY_MS = 86_400_000;
/** Weights of what a browser does, towards a category or a brand. */
const WEIGHT = { view: 1, category: 1, search: 0, "cart-add": 2, bought: 3 } as const;
/** A category or brand is a preference once its decayed weight reaches this (three views, about). */
const PREFERRED = 2.5;
const MOST = { purchases: 5, categories: 3, searches: 5, brands: 3 } as const;
/** Two "not interested" answers to one brand's products: the brand is disliked. */
const DISLIKED_AFTER = 2;
/** Spend over the last 12 months (US cents) → loyalty status, as the seed words it. */
const LOYALTY: readonly [number, string][] = [
  [200_000, "Gold Member"],
  [50_000, "Silver Member"],
  [1, "Bronze Member"],
];
/** Fewer visits than this say nothing about when someone shops. */
const TIMES_AFTER = 5;

export type FactKind = "purchase" | "category" | "rating" | "search" | "brand" | "disliked-brand" | "not-interested" | "loyalty" | "spend" | "times";

/** One thing the store knows, in plain words, and where it comes from. */
export interface ProfileFact {
  kind: FactKind;
  /** What the fact is about: a kind of product, a category slug, a product id, a query, a brand. */
  value: string;
  text: string;
  source: string;
}

export interface DerivedProfile {
  profile: Omit<ShopperProfile, "id" | "name" | "tagline">;
  facts: ProfileFact[];
}

const decay = (at: string, now: Date) => 0.5 ** (Math.max(0, now.getTime() - Date.parse(at)) / DAY_MS / HALF_LIFE_DAYS);
const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
const dollars = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;

function top(weights: Map<string, number>, most: number, min: number): string[] {
  return [...weights]
    .filter(([, weight]) => weight >= min)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, most)
    .map(([key]) => key);
}

function add(weights: Map<string, number>, key: string, weight: number) {
  weights.set(key, (weights.get(key) ?? 0) + weight);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter of weekday and hour in a time zone, made once per zone (making one costs more than using it). */
function weekdayAndHour(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  return format;
}

/** "weekend evenings": the part of the week they come most, in their time zone. */
function shoppingTimes(instants: readonly string[], timeZone: string): string | undefined {
  if (instants.length < TIMES_AFTER) return undefined;
  const format = weekdayAndHour(timeZone);
  const counts = new Map<string, number>();
  for (const instant of instants) {
    const parts = format.formatToParts(new Date(instant));
    const weekday = parts.find((part) => part.type === "weekday")?.value ?? "";
    const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
    const days = weekday === "Sat" || weekday === "Sun" ? "Weekend" : "Weekday";
    const time = hour >= 5 && hour < 12 ? "Mornings" : hour >= 12 && hour < 17 ? "Afternoons" : hour >= 17 && hour < 22 ? "Evenings" : "Nights";
    add(counts, `${days} ${time}`, 1);
  }
  return top(counts, 1, 0)[0];
}

export function deriveProfile({ history, products, categoryNames }: ResolvedHistory, now: Date, timeZone = "UTC"): DerivedProfile {
  const facts: ProfileFact[] = [];
  const monthAgo = now.getTime() - 30 * DAY_MS;
  const yearAgo = now.getTime() - 365 * DAY_MS;

  // Recent purchases and spend, from orders (newest first).
  const orders = [...history.orders].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const purchases: string[] = [];
  const brandWeights = new Map<string, number>();
  const categoryWeights = new Map<string, number>();
  let yearCents = 0;
  let firstInYear = now.getTime();
  for (const order of orders) {
    for (const item of order.items) {
      const product = products.get(item.productId);
      const cents = (item.priceCents ?? product?.priceCents ?? 0) * item.quantity;
      if (Date.parse(order.at) >= yearAgo) {
        yearCents += cents;
        firstInYear = Math.min(firstInYear, Date.parse(order.at));
      }
      if (!product) continue;
      add(brandWeights, product.brand, WEIGHT.bought * decay(order.at, now));
      if (!purchases.includes(product.kind) && purchases.length < MOST.purchases) {
        purchases.push(product.kind);
        facts.push({ kind: "purchase", value: product.kind, text: `You bought ${product.name}`, source: `your order of ${new Date(order.at).toISOString().slice(0, 10)}` });
      }
    }
  }

  // Ratings they gave, in the purchases' words (the kind of product).
  const ratings: Record<string, number> = {};
  for (const [productId, stars] of Object.entries(history.ratings)) {
    const product = products.get(productId);
    if (!product) continue;
    ratings[product.kind] = stars;
    facts.push({ kind: "rating", value: productId, text: `You rated ${product.name} ${plural(stars, "star")}`, source: "your rating on its page" });
  }

  // Browsing, searching and the cart, decayed: the most recent history first.
  const events = [...history.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const visitsThisMonth = new Map<string, number>();
  const searches: string[] = [];
  for (const event of events) {
    const weight = decay(event.at, now);
    if (event.kind === "search" && event.query) {
      const query = event.query.toLowerCase();
      if (!searches.includes(query) && searches.length < MOST.searches) searches.push(query);
      continue;
    }
    const product = event.productId ? products.get(event.productId) : undefined;
    const category = event.kind === "category" ? event.category : product?.category;
    if (category && categoryNames.has(category)) {
      add(categoryWeights, category, WEIGHT[event.kind] * weight);
      if (Date.parse(event.at) >= monthAgo) add(visitsThisMonth, category, 1);
    }
    if (product && event.kind !== "category") add(brandWeights, product.brand, WEIGHT[event.kind] * weight);
  }
  const browsed = top(categoryWeights, MOST.categories, PREFERRED);
  for (const slug of browsed) {
    facts.push({ kind: "category", value: slug, text: `You often browse ${categoryNames.get(slug)}`, source: `${plural(visitsThisMonth.get(slug) ?? 0, "visit")} this month` });
  }
  for (const query of searches) facts.push({ kind: "search", value: query, text: `You searched “${query}”`, source: "your searches" });

  // "Not interested": each product, and a brand once answered more than once.
  const dislikedCounts = new Map<string, number>();
  for (const productId of history.notInterested) {
    const product = products.get(productId);
    if (!product) continue;
    add(dislikedCounts, product.brand, 1);
    facts.push({ kind: "not-interested", value: productId, text: `Not interested in ${product.name}`, source: "your answer to a recommendation" });
  }
  const dislikedBrands = top(dislikedCounts, Number.POSITIVE_INFINITY, DISLIKED_AFTER);
  for (const brand of dislikedBrands) {
    facts.push({ kind: "disliked-brand", value: brand, text: `You are not into ${brand}`, source: `“not interested” to ${plural(dislikedCounts.get(brand) ?? 0, "of its products", "of its products")}` });
  }
  const preferredBrands = top(brandWeights, MOST.brands + dislikedBrands.length, PREFERRED).filter((brand) => !dislikedBrands.includes(brand)).slice(0, MOST.brands);
  for (const brand of preferredBrands) facts.push({ kind: "brand", value: brand, text: `You like ${brand}`, source: "what you bought, put in your cart and looked at" });

  // Loyalty and spend from the last 12 months of orders; when they come, from every visit's time.
  const loyaltyStatus = LOYALTY.find(([min]) => yearCents >= min)?.[1] ?? "New Customer";
  const months = Math.min(12, Math.max(1, Math.ceil((now.getTime() - firstInYear) / (30 * DAY_MS))));
  const averageMonthlySpend = Math.round(yearCents / months / 100);
  if (yearCents > 0) {
    facts.push({ kind: "loyalty", value: loyaltyStatus, text: `${loyaltyStatus}`, source: `${dollars(yearCents)} spent in the last 12 months` });
    facts.push({ kind: "spend", value: String(averageMonthlySpend), text: `You spend about ${dollars(averageMonthlySpend * 100)} a month`, source: `your orders over ${plural(months, "month")}` });
  }
  const times = shoppingTimes([...events.map((event) => event.at), ...orders.map((order) => order.at)], timeZone);
  if (times) facts.push({ kind: "times", value: times, text: `You usually shop on ${times.toLowerCase()}`, source: `when you visited (${timeZone})` });

  return {
    profile: {
      recentPurchases: purchases,
      browsedCategories: browsed.map((slug) => categoryNames.get(slug) ?? slug),
      ratings,
      searchHistory: searches,
      preferredBrands,
      dislikedBrands,
      notInterested: [...history.notInterested],
      loyaltyStatus,
      averageMonthlySpend,
      preferredShoppingTimes: times ?? "Not known yet",
    },
    facts,
  };
}
