import type { Category, Product } from "@/lib/catalog/types";
import type { ModelProvider } from "@/lib/llm/types";
import type { RankedItem, RankingOutcome, RankingSummary, RankingUsage } from "@/lib/ranking/pipeline/events";
import { fallbackOrder } from "@/lib/ranking/pipeline/fallback-order";
import { rankProducts } from "@/lib/ranking/pipeline/rank-products";
import type { EvalCase, EvalSet } from "./format";
import { dislikedInTop, factsOf, groundedShare, ndcgAt, precisionAt, recallAt } from "./metrics";
import { costOf, type Price } from "@/lib/llm/prices";

// Ranks every case of a set three ways — the configured model through the storefront's own pipeline
// (rankProducts: prompt, parser, validation, picks, fallback order), the embedded ranker's order, the catalog's
// popular order — and scores each against the case's grades.

export const SYSTEMS = ["model", "embedded", "popular"] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** One system's figures on one case. */
export interface SystemCaseScore {
  /** The first ten ids, best first. */
  top: string[];
  ndcg5: number;
  ndcg10: number;
  precision5: number;
  /** Graded products among the first 24 (a search's recall: DESIGN §7). */
  recall24: number;
  /** Products of a disliked brand among the first five. */
  disliked5: number;
  /** Reasons written for the system's picks, and how many of them name a fact of the case; none for popular. */
  reasons: number;
  groundedReasons: number;
}

export interface ModelCaseRun {
  /** Picks the model placed (`ranked` of the done line). */
  placed: number;
  rejected: number;
  /** Why elements were rejected, as the pipeline logged them. */
  rejections: string[];
  outcome: RankingOutcome;
  detail?: string;
  firstItemMs: number | null;
  totalMs: number;
  usage: RankingUsage | null;
  /** US dollars; null when the model's price is unknown or no usage came. */
  cost: number | null;
}

export interface CaseResult {
  id: string;
  group: string;
  note: string | undefined;
  /** Its candidates were a search (`q`). */
  searched: boolean;
  candidates: number;
  scores: Record<SystemName, SystemCaseScore>;
  model: ModelCaseRun;
}

export interface EvalRunOptions {
  provider: ModelProvider;
  /** How many candidates the model picks with a reason; "all": every candidate. */
  picks: number | "all";
  concurrency: number;
  firstItemTimeoutMs: number;
  stallTimeoutMs: number;
  /** The model's price, for the cost figures; undefined: unknown. */
  price: Price | undefined;
  catalog: { products: readonly Product[]; categories: readonly Category[] };
  onCase?: (result: CaseResult, done: number, total: number) => void;
}

export interface EvalRun {
  set: string;
  provider: string;
  model: string;
  picks: number | "all";
  results: CaseResult[];
}

/** A case's group: its id up to the first "." ("gift.dad-coffee" → "gift"), or "" when it has none. */
function groupOf(caseId: string): string {
  const dot = caseId.indexOf(".");
  return dot > 0 ? caseId.slice(0, dot) : "";
}

/** How many first places a search's recall is counted over: the model's picks (AISLE_MODEL_PICKS' default). */
export const RECALL_AT = 24;

function score(evalCase: EvalCase, products: ReadonlyMap<string, Product>, facts: string[], ids: string[], reasons: string[]): SystemCaseScore {
  const grounded = groundedShare(reasons, facts);
  // A search is scored against every product graded for it, found or not (retrieval is part of what it measures).
  const searched = "q" in evalCase.search && evalCase.search.q !== undefined;
  return {
    top: ids.slice(0, 10),
    ndcg5: ndcgAt(ids, evalCase.relevance, 5, searched),
    ndcg10: ndcgAt(ids, evalCase.relevance, 10, searched),
    precision5: precisionAt(ids, evalCase.relevance, 5),
    recall24: recallAt(ids, evalCase.relevance, RECALL_AT),
    disliked5: dislikedInTop(ids, products, evalCase.shopper, 5),
    reasons: reasons.length,
    groundedReasons: grounded === null ? 0 : Math.round(grounded * reasons.length),
  };
}

async function runCase(evalCase: EvalCase, options: EvalRunOptions, products: ReadonlyMap<string, Product>): Promise<CaseResult> {
  const { shopper, signals, candidates, searchTerms } = evalCase;
  // The storefront's search box puts a case's `q` on the page being ranked.
  const search = "q" in evalCase.search ? evalCase.search.q : undefined;
  const picks = options.picks === "all" ? candidates.length : Math.min(options.picks, candidates.length);
  const facts = factsOf(shopper, signals, options.catalog.categories);

  const rejections: string[] = [];
  const items: RankedItem[] = [];
  let done: RankingSummary | undefined;
  const ranking = rankProducts(
    { shopper, signals, candidates, search, ...(searchTerms ? { searchTerms } : {}) },
    {
      provider: options.provider,
      picks,
      firstItemTimeoutMs: options.firstItemTimeoutMs,
      stallTimeoutMs: options.stallTimeoutMs,
      log: (entry) => {
        if (entry.event === "element-rejected") rejections.push(entry.reason);
      },
    },
  );
  for await (const event of ranking) {
    if (event.type === "item") items.push(event);
    else done = event;
  }
  if (!done) throw new Error(`case "${evalCase.id}": the ranking ended without its done line`);
  const modelIds = items.map((item) => item.id);
  const modelReasons = items.filter((item) => item.source === "model").map((item) => item.reason);

  const embedded = fallbackOrder({ shopper, signals, candidates, search, ...(searchTerms ? { searchTerms } : {}) });
  const embeddedReasons = embedded.slice(0, picks).map((place) => place.reason);

  return {
    id: evalCase.id,
    group: groupOf(evalCase.id),
    note: evalCase.note,
    searched: search !== undefined,
    candidates: candidates.length,
    scores: {
      model: score(evalCase, products, facts, modelIds, modelReasons),
      embedded: score(evalCase, products, facts, embedded.map((place) => place.id), embeddedReasons),
      popular: score(evalCase, products, facts, candidates.map((product) => product.id), []),
    },
    model: {
      placed: done.ranked,
      rejected: done.rejected,
      rejections,
      outcome: done.outcome,
      ...(done.detail ? { detail: done.detail } : {}),
      firstItemMs: done.firstItemMs,
      totalMs: done.totalMs,
      usage: done.usage,
      // A call that failed before writing anything bills nothing (usage null): $0, not "unknown".
      cost: options.price ? (done.usage ? costOf(done.usage, options.price) : 0) : null,
    },
  };
}

/** Ranks every case, `concurrency` at a time; the results keep the set's order. */
export async function runEval(set: EvalSet, options: EvalRunOptions): Promise<EvalRun> {
  const products = new Map(options.catalog.products.map((product) => [product.id, product]));
  const results: CaseResult[] = new Array(set.cases.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < set.cases.length) {
      const index = next++;
      const evalCase = set.cases[index] as EvalCase;
      const result = await runCase(evalCase, options, products);
      results[index] = result;
      options.onCase?.(result, ++finished, set.cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, set.cases.length)) }, worker));
  return { set: set.name, provider: options.provider.name, model: options.provider.model, picks: options.picks, results };
}
