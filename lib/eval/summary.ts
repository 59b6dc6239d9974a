import { SYSTEMS, type CaseResult, type EvalRun, type SystemName } from "./run-eval";

// The overall figures of a run (DESIGN §8's latest.json `systems`), and per group of cases.

export interface SystemSummary {
  "ndcg@5": number;
  "ndcg@10": number;
  "precision@5": number;
  /** Graded products among the first 24, averaged over the cases. */
  "recall@24": number;
  /** Products of a disliked brand in the first five, summed over the cases. */
  "disliked@5": number;
  /** The share of all reasons written for picks that name a fact of their case; null: this system writes none. */
  groundedReasons: number | null;
}

export interface Spread {
  median: number;
  p95: number;
}

export interface ModelSummary extends SystemSummary {
  provider: string;
  model: string;
  rejected: number;
  outcomes: Record<string, number>;
  /** Over the cases that placed a pick. */
  firstItemMs: Spread | null;
  totalMs: Spread;
  tokens: { input: number; cachedInput: number; output: number; estimated: boolean };
  /** US dollars over the whole run and per ranking; null when the model's price is unknown. */
  cost: { total: number; perRanking: number } | null;
}

export interface GroupSummary {
  group: string;
  cases: number;
  "ndcg@5": Record<SystemName, number>;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

const spread = (values: readonly number[]): Spread => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95) });

function summariseSystem(results: readonly CaseResult[], system: SystemName): SystemSummary {
  const scores = results.map((result) => result.scores[system]);
  const reasons = scores.reduce((sum, score) => sum + score.reasons, 0);
  return {
    "ndcg@5": mean(scores.map((score) => score.ndcg5)),
    "ndcg@10": mean(scores.map((score) => score.ndcg10)),
    "precision@5": mean(scores.map((score) => score.precision5)),
    "recall@24": mean(scores.map((score) => score.recall24)),
    "disliked@5": scores.reduce((sum, score) => sum + score.disliked5, 0),
    groundedReasons: reasons === 0 ? null : scores.reduce((sum, score) => sum + score.groundedReasons, 0) / reasons,
  };
}

function summariseModel(run: EvalRun): ModelSummary {
  const runs = run.results.map((result) => result.model);
  const outcomes: Record<string, number> = {};
  for (const { outcome } of runs) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  const firstItems = runs.filter((one) => one.placed > 0 && one.firstItemMs !== null).map((one) => one.firstItemMs as number);
  const usages = runs.flatMap((one) => (one.usage ? [one.usage] : []));
  const costs = runs.map((one) => one.cost);
  const priced = costs.every((cost) => cost !== null) && costs.length > 0;
  const total = priced ? costs.reduce((sum: number, cost) => sum + (cost ?? 0), 0) : 0;
  return {
    provider: run.provider,
    model: run.model,
    ...summariseSystem(run.results, "model"),
    rejected: runs.reduce((sum, one) => sum + one.rejected, 0),
    outcomes,
    firstItemMs: firstItems.length > 0 ? spread(firstItems) : null,
    totalMs: spread(runs.map((one) => one.totalMs)),
    tokens: {
      input: usages.reduce((sum, usage) => sum + usage.inputTokens, 0),
      cachedInput: usages.reduce((sum, usage) => sum + (usage.cachedInputTokens ?? 0), 0),
      output: usages.reduce((sum, usage) => sum + usage.outputTokens, 0),
      estimated: usages.some((usage) => usage.estimated),
    },
    cost: priced ? { total, perRanking: total / runs.length } : null,
  };
}

function summariseGroups(results: readonly CaseResult[]): GroupSummary[] {
  const groups = [...new Set(results.map((result) => result.group))].filter((group) => group !== "");
  return groups.map((group) => {
    const members = results.filter((result) => result.group === group);
    const ndcg = Object.fromEntries(SYSTEMS.map((system) => [system, mean(members.map((result) => result.scores[system].ndcg5))])) as Record<SystemName, number>;
    return { group, cases: members.length, "ndcg@5": ndcg };
  });
}

export interface EvalSummary {
  set: string;
  cases: number;
  /** Cases whose search found no product: every system shows nothing for them. */
  zeroResults: number;
  picks: number | "all";
  systems: { model: ModelSummary; embedded: SystemSummary; popular: SystemSummary };
  groups: GroupSummary[];
}

export function summarise(run: EvalRun): EvalSummary {
  return {
    set: run.set,
    cases: run.results.length,
    zeroResults: run.results.filter((result) => result.candidates === 0).length,
    picks: run.picks,
    systems: { model: summariseModel(run), embedded: summariseSystem(run.results, "embedded"), popular: summariseSystem(run.results, "popular") },
    groups: summariseGroups(run.results),
  };
}
