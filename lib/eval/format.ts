import { z } from "zod";
import type { CandidateRequest, Candidates } from "@/lib/catalog/retrieval/retrieve";
import { readConfig } from "@/lib/config/env";
import { baselineOrder } from "@/lib/catalog/baseline-order";
import { categorySlugSchema, productSchema, type Category, type Product } from "@/lib/catalog/types";
import { editDistance } from "@/lib/text/typing-slips";
import { deriveProfile } from "@/lib/shoppers/history/derive-profile";
import { historySchema, type History, type HistoryProduct } from "@/lib/shoppers/history/history";
import { shopperProfileSchema, type LiveSignals, type ShopperProfile, type SignalProduct } from "@/lib/shoppers/types";


// An eval set (DESIGN §8): JSON Lines, one case a line. Each line is checked with zod, then against the
// catalog: every product id must exist, every labelled id must be one of the case's candidates. Every bad line
// is reported with its line number and what is wrong, all at once.

const productId = productSchema.shape.id;
const grade = z.number().int().min(0).max(3);

// Lenient on what it does not know: an outside set may carry fields of its own (a group, a source, a shopper's
// age) and they are ignored; a field given in the wrong kind is an error, and so is a shopper or signals field
// one or two letters from a known one ("preferedBrands"), which would otherwise be dropped unseen.

/**
 * The profile fields of lib/shoppers. What no ranker reads may be left out (id, name, tagline, loyalty status,
 * shopping times), an empty list or record too, and a rating may be a half star; anything given must be
 * of its kind.
 */
const p = shopperProfileSchema.shape;
const evalShopperSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  tagline: z.string().optional(),
  recentPurchases: p.recentPurchases.default([]),
  browsedCategories: p.browsedCategories.default([]),
  ratings: z.record(z.string(), z.number().min(1).max(5)).default({}),
  searchHistory: p.searchHistory.default([]),
  preferredBrands: p.preferredBrands.default([]),
  dislikedBrands: p.dislikedBrands.default([]),
  loyaltyStatus: z.string().default(""),
  averageMonthlySpend: p.averageMonthlySpend.default(0),
  preferredShoppingTimes: z.string().default(""),
});

/** A product in a signal: its id, or the product as lib/shoppers' signals carry it (`{id, name, …}`; the id counts). */
const signalProductId = z.union([productId, z.object({ id: productId }).transform((product) => product.id)]);

const evalSignalsSchema = z.object({
  /** Most recent first. */
  cart: z.array(signalProductId).default([]),
  recentlyViewed: z.array(signalProductId).default([]),
  recentSearches: z.array(z.string().trim().min(1)).default([]),
  /** Category slugs. */
  recentCategories: z.array(categorySlugSchema).default([]),
});

const idList = z.array(productId).min(1, "a list of candidates needs at least one id");

/** A list of product ids (or `{"ids": […]}`), or a search: `q` and/or `category`, neither = the whole catalog. */
const candidatesSchema = z.union([
  idList,
  z.strictObject({ ids: idList }).transform((list) => list.ids),
  // Strict: a misspelt key here ("query", "id") would otherwise mean the whole catalog.
  z.strictObject({ q: z.string().trim().max(200).optional(), category: categorySlugSchema.optional() }),
]);

/** The fields of `raw` that are near misses of known ones: `name → meant`. */
function misspelt(raw: unknown, known: readonly string[]): string[] {
  if (typeof raw !== "object" || raw === null) return [];
  return Object.keys(raw).flatMap((key) => {
    if (known.includes(key)) return [];
    const meant = known.find((name) => editDistance(name.toLowerCase(), key.toLowerCase(), 2) <= 2);
    return meant ? [`"${key}" (did you mean "${meant}"?)`] : [];
  });
}

const evalCaseSchema = z.object({
  /** Up to its first "." the case's group, reported apart. */
  id: z.string().trim().min(1, "a case needs an id").max(200),
  /** Why these labels. */
  note: z.string().trim().min(1).optional(),
  /** Optional for a search case: a shopper with no history. */
  shopper: evalShopperSchema.prefault({}),
  /** What the shopper did, bought, rated and turned down: made into a profile by the store's own code (DESIGN §8). */
  history: historySchema.optional(),
  signals: evalSignalsSchema.optional(),
  /** A search (`q` and/or `category`; neither: the whole catalog) or a list of product ids. */
  candidates: candidatesSchema,
  /** Grades 0–3 by product id; unlisted candidates are 0. */
  relevance: z.record(productId, grade),
});

/** A case resolved against the catalog: what the pipeline ranks, and the grades to score it by. */
export interface EvalCase {
  id: string;
  note: string | undefined;
  /** 1-based line in the set file. */
  line: number;
  shopper: ShopperProfile;
  signals: LiveSignals;
  /** In the catalog's baseline order: as the storefront's search returns them, and the "popular" baseline. */
  candidates: Product[];
  /** How the candidates were given, for the report. */
  search: { q?: string; category?: string } | { ids: string[] };
  /** A search as the store's retrieval read it (corrections, synonyms), as the storefront hands it to its rankers. */
  searchTerms?: string;
  relevance: Record<string, number>;
}

export interface EvalSet {
  name: string;
  cases: EvalCase[];
}

export interface Catalog {
  products: readonly Product[];
  categories: readonly Category[];
  /**
   * The storefront's own retrieval (lib/catalog/retrieval), for candidates given as a search: the same database
   * search and personal shortlist a page gets. Undefined: the store's, on the database configured.
   */
  retrieve?: (request: CandidateRequest) => Promise<Pick<Candidates, "products" | "searchTerms">>;
  /** The storefront's cap on candidates (AISLE_MAX_CANDIDATES). */
  maxCandidates?: number;
}

export class EvalSetError extends Error {
  readonly setName: string;
  readonly problems: string[];

  // No parameter properties: Node runs this file with its types stripped, which cannot rewrite them.
  constructor(setName: string, problems: string[]) {
    super(`${setName}: ${problems.length} bad line${problems.length === 1 ? "" : "s"}\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "EvalSetError";
    this.setName = setName;
    this.problems = problems;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
}

const signalProduct = ({ id, name, brand, kind, category }: Product): SignalProduct => ({ id, name, brand, kind, category });

/** The instant a history is read at: its latest moment, so a case ranks the same whatever day the eval runs. */
function historyNow(history: History): Date {
  const instants = [...history.events.map((event) => event.at), ...history.orders.map((order) => order.at)].map((at) => Date.parse(at));
  return new Date(instants.length > 0 ? Math.max(...instants) : 0);
}

/** The product ids a history names, each checked against the catalog. */
function historyIds(history: History): [where: string, id: string][] {
  return [
    ...history.events.flatMap((event): [string, string][] => (event.productId ? [["history.events", event.productId]] : [])),
    ...history.orders.flatMap((order) => order.items.map((item): [string, string] => ["history.orders", item.productId])),
    ...Object.keys(history.ratings).map((id): [string, string] => ["history.ratings", id]),
    ...history.notInterested.map((id): [string, string] => ["history.notInterested", id]),
  ];
}

/** The store's retrieval, loaded when a set first needs it (it opens the database). */
async function storeRetrieval(request: CandidateRequest): Promise<Candidates> {
  const { retrieveCandidates } = await import("@/lib/catalog/retrieval/retrieve");
  return retrieveCandidates(request);
}

/** Parses and checks a whole set; throws an EvalSetError naming every bad line. */
export async function parseEvalSet(text: string, name: string, catalog: Catalog): Promise<EvalSet> {
  const retrieve = catalog.retrieve ?? storeRetrieval;
  const byId = new Map(catalog.products.map((product) => [product.id, product]));
  const slugs = new Set(catalog.categories.map((category) => category.slug));
  const categoryNames = new Map(catalog.categories.map((category) => [category.slug, category.name]));
  const historyProducts = new Map<string, HistoryProduct>(
    catalog.products.map((product) => [product.id, { id: product.id, name: product.name, brand: product.brand, kind: product.kind, category: product.category, priceCents: Math.round(product.price * 100) }]),
  );
  const problems: string[] = [];
  const cases: EvalCase[] = [];
  const seen = new Map<string, number>();

  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (raw.trim() === "") continue;
    const bad = (what: string) => problems.push(`line ${line}: ${what}`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      bad(`not JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) {
      const id = json && typeof json === "object" && "id" in json && typeof json.id === "string" ? `case "${json.id}": ` : "";
      bad(`${id}${describeIssues(parsed.error)}`);
      continue;
    }
    const entry = parsed.data;
    const own: string[] = [];
    const known = (id: string, where: string) => {
      if (!byId.has(id)) own.push(`${where}: product "${id}" is not in the catalog`);
      return byId.get(id);
    };
    if (seen.has(entry.id)) own.push(`id "${entry.id}" is also the id of line ${seen.get(entry.id)}`);
    seen.set(entry.id, line);
    const { shopper: rawShopper, signals: rawSignals } = json as { shopper?: unknown; signals?: unknown };
    for (const [where, raw, schema] of [["shopper", rawShopper, evalShopperSchema], ["signals", rawSignals, evalSignalsSchema]] as const) {
      const near = misspelt(raw, Object.keys(schema.shape));
      if (near.length > 0) own.push(`${where}: unknown field ${near.join(", ")}`);
    }

    const signals = entry.signals ?? { cart: [], recentlyViewed: [], recentSearches: [], recentCategories: [] };
    const cart = signals.cart.flatMap((id) => known(id, "signals.cart") ?? []);
    const viewed = signals.recentlyViewed.flatMap((id) => known(id, "signals.recentlyViewed") ?? []);
    for (const slug of signals.recentCategories) if (!slugs.has(slug)) own.push(`signals.recentCategories: unknown category "${slug}"`);

    const { id: shopperId, name: shopperName, tagline, ...given } = entry.shopper;
    // A history becomes a profile by the store's own derivation; a shopper field given besides it wins.
    let profile = given;
    if (entry.history) {
      for (const [where, id] of historyIds(entry.history)) known(id, where);
      const derived = deriveProfile({ history: entry.history, products: historyProducts, categoryNames }, historyNow(entry.history)).profile;
      const stated = (rawShopper ?? {}) as Record<string, unknown>;
      profile = Object.fromEntries(Object.entries({ ...derived, ...given }).map(([key, value]) => [key, key in stated ? value : (derived as Record<string, unknown>)[key]])) as typeof given;
    }
    const shopper: ShopperProfile = {
      ...profile,
      // The pipeline's shopper ids are a short slug; the case's own id may be anything.
      id: `eval-${line}`,
      name: shopperName || shopperId || entry.id,
      tagline: tagline || "eval shopper",
      loyaltyStatus: profile.loyaltyStatus || "unknown",
      preferredShoppingTimes: profile.preferredShoppingTimes || "unknown",
    };
    const caseSignals: LiveSignals = {
      cart: cart.map(signalProduct),
      recentlyViewed: viewed.map(signalProduct),
      recentSearches: signals.recentSearches,
      recentCategories: signals.recentCategories,
    };

    let candidates: Product[] = [];
    let searchTerms: string | undefined;
    let search: EvalCase["search"];
    if (Array.isArray(entry.candidates)) {
      const ids = entry.candidates;
      const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (repeated.length > 0) own.push(`candidates: "${repeated[0]}" is listed twice`);
      candidates = baselineOrder(ids.flatMap((id) => known(id, "candidates") ?? []));
      search = { ids };
    } else {
      const { q, category } = entry.candidates;
      if (category && !slugs.has(category)) own.push(`candidates.category: unknown category "${category}"`);
      search = { ...(q ? { q } : {}), ...(category ? { category } : {}) };
      if (own.length === 0) {
        const found = await retrieve({ q: q || undefined, category, shopper, signals: caseSignals, limit: catalog.maxCandidates ?? readConfig({}).maxCandidates });
        candidates = found.products;
        searchTerms = q ? found.searchTerms : undefined;
      }
      // A search finding nothing is what a search set measures (zeroResults); a category or the store is never empty.
      if (candidates.length === 0 && !q && own.length === 0) own.push(`candidates: ${JSON.stringify(search)} holds no product`);
    }

    // A search's graded products it did not find are its misses (recall), not mistakes in the labels.
    const searched = "q" in search && search.q !== undefined;
    const candidateIds = new Set(candidates.map((product) => product.id));
    for (const id of Object.keys(entry.relevance)) {
      if (!known(id, "relevance")) continue;
      if (!searched && !candidateIds.has(id) && candidates.length > 0) own.push(`relevance: product "${id}" is not one of this case's candidates`);
    }
    if (own.length === 0 && !Object.values(entry.relevance).some((value) => value > 0)) {
      own.push("relevance: no candidate is graded above 0, so NDCG is undefined");
    }
    if (own.length > 0) {
      bad(`case "${entry.id}": ${own.join("; ")}`);
      continue;
    }

    cases.push({ id: entry.id, note: entry.note, line, shopper, signals: caseSignals, candidates, search, ...(searchTerms ? { searchTerms } : {}), relevance: entry.relevance });
  }

  if (problems.length > 0) throw new EvalSetError(name, problems);
  if (cases.length === 0) throw new EvalSetError(name, ["no cases: the file holds no line"]);
  return { name, cases };
}
