import { z } from "zod";
import { getCategory } from "@/lib/catalog/catalog";
import { retrieveCandidates } from "@/lib/catalog/retrieval/retrieve";
import { categorySlugSchema, type Category } from "@/lib/catalog/types";
import { getLiveSignals } from "@/lib/signals/live-signals";
import type { BrowserContext } from "@/lib/browser/browser-id";
import { getConfig } from "@/lib/config/env";
import { armFor } from "@/lib/experiments/assign-arm";
import type { Arm } from "@/lib/experiments/experiment";
import { notInterestedIds } from "@/lib/shoppers/answers";
import { resolveShopper } from "@/lib/shoppers/shoppers";
import { OWN_SHOPPER, shopperIdSchema, type LiveSignals, type ShopperProfile } from "@/lib/shoppers/types";
import type { RankingInput } from "@/lib/ranking/pipeline/rank-products";
import { timeRetrieval } from "./ranking-trace";

export const MAX_QUERY_LENGTH = 200;

/** A search as a shopper types it: trimmed, bounded, no control characters. */
export const searchQuerySchema = z
  .string()
  // A control character (NUL above all: PostgreSQL refuses it in text) is never part of a search.
  .refine((q) => !/[\u0000-\u001f\u007f]/.test(q), "q holds a control character")
  .transform((q) => q.trim())
  .pipe(z.string().max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`));

const rankingQuerySchema = z.object({
  shopper: shopperIdSchema,
  q: searchQuerySchema.optional(),
  category: categorySlugSchema.optional(),
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const KNOWN = ["shopper", "q", "category"] as const;

/** Reads `shopper`, `q` and `category` from a query string; a missing, repeated or malformed one is an error. */
export function parseRankingQuery(params: URLSearchParams): Checked<RankingQuery> {
  const raw: Record<string, string> = {};
  for (const name of KNOWN) {
    const values = params.getAll(name);
    if (values.length > 1) return { ok: false, error: `parameter "${name}" is given ${values.length} times; give it once` };
    // An empty q or category means "none", as a cleared search box sends it.
    if (values[0] !== undefined && (values[0] !== "" || name === "shopper")) raw[name] = values[0];
  }
  if (raw.shopper === undefined) return { ok: false, error: 'parameter "shopper" is required' };
  const parsed = rankingQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join(".") ?? "query"}: ${issue?.message ?? "invalid"}` };
  }
  const value = parsed.data;
  if (value.q === "") delete value.q;
  return { ok: true, value };
}

/** `?page=N` on the page (DESIGN §4): 1 when absent; a whole number from 1, given once. */
export function parsePageParam(params: URLSearchParams): Checked<number> {
  const values = params.getAll("page");
  if (values.length === 0 || values[0] === "") return { ok: true, value: 1 };
  if (values.length > 1) return { ok: false, error: `parameter "page" is given ${values.length} times; give it once` };
  const page = Number(values[0]);
  return /^[1-9][0-9]{0,5}$/.test(values[0] ?? "") && Number.isSafeInteger(page) ? { ok: true, value: page } : { ok: false, error: "page must be a whole number from 1" };
}

/** What retrieval found beyond the candidates: how many products match, and the search as read when corrected. */
export interface RetrievalSummary {
  /** Counted exactly up to 1,000 (lib/catalog/retrieval/count-matches.ts); `moreMatches`: at least that many. */
  matches: number;
  moreMatches: boolean;
  corrected?: string;
  /** Candidates that are not matches but like them, after a search that found few. */
  related: number;
}

/**
 * A ranking ready to start (its `search` is the query's `q`), the category it is narrowed to, what retrieval
 * found, and the experiment arm that ranks it.
 */
export type PreparedRanking = RankingInput & { category: Category | null; retrieval: RetrievalSummary; arm: Arm };

/** Who is shopping, what they are doing now, and the category they narrowed to. */
export interface Shopping {
  shopper: ShopperProfile;
  signals: LiveSignals;
  category: Category | null;
}

type Looked<T> = (Checked<T> & { unknown?: undefined }) | { ok: false; error: string; unknown: "shopper" | "category" };

/**
 * Looks up what a query names; an unknown shopper or category is an error, not an empty ranking.
 * The live signals are the browser's (its cart, views, searches), when there is one; `me` is its own shopper.
 */
export async function lookUpShopping(query: RankingQuery, browser: BrowserContext = {}): Promise<Looked<Shopping>> {
  const browserId = browser.id;
  const [shopper, category] = await Promise.all([
    resolveShopper(query.shopper, browser),
    query.category ? getCategory(query.category) : Promise.resolve(null),
  ]);
  if (!shopper) return { ok: false, error: `unknown shopper "${query.shopper}"`, unknown: "shopper" };
  if (category === undefined) return { ok: false, error: `unknown category "${query.category}"`, unknown: "category" };
  return { ok: true, value: { shopper, category, signals: await getLiveSignals(browserId) } };
}

/** What a query names (lookUpShopping), and the candidates retrieval finds for it: a ranking ready to start. */
export async function prepareRanking(query: RankingQuery, maxCandidates: number, browser: BrowserContext = {}): Promise<Looked<PreparedRanking>> {
  const retrieving = timeRetrieval();
  const looked = await lookUpShopping(query, browser);
  if (!looked.ok) return looked;
  // The shortlist is drawn from the shopper's profile and what this browser is doing: signals first.
  const { shopper, signals, category } = looked.value;
  // What this browser said it is not interested in is never a candidate, whoever it shops as.
  const excluded = new Set(shopper.notInterested ?? (await notInterestedIds(browser.id)));
  const found = await retrieveCandidates({ q: query.q, category: query.category, shopper, signals, limit: maxCandidates + excluded.size });
  const relatedFrom = found.products.length - found.related;
  const kept = found.products.flatMap((product, index) => (excluded.has(product.id) ? [] : [{ product, related: index >= relatedFrom }])).slice(0, maxCandidates);
  const related = kept.filter((entry) => entry.related).length;
  const retrieval = { matches: found.matches, moreMatches: found.moreMatches, related, ...(found.corrected ? { corrected: found.corrected } : {}) };
  const searchTerms = query.q && found.searchTerms ? { searchTerms: found.searchTerms } : {};
  // The arm is the visitor's: its browser when it has one (whoever it shops as), else the shopper's own id.
  const arm = armFor(getConfig().experiment, browser.id ?? shopper.id);
  const prepared: PreparedRanking = { shopper, signals, candidates: kept.map((entry) => entry.product), search: query.q, ...searchTerms, category, retrieval, arm };
  // Counts and kinds only: no shopper id, no search text.
  retrieving?.done(prepared, {
    "aisle.shopper.kind": query.shopper === OWN_SHOPPER ? "own" : "demo",
    "aisle.search": query.q !== undefined,
    "aisle.category": query.category ?? "",
    "aisle.candidates": prepared.candidates.length,
    "aisle.matches": found.matches,
    "aisle.related": related,
    "aisle.excluded": excluded.size,
    "aisle.corrected": found.corrected !== undefined,
  });
  return { ok: true, value: prepared };
}
