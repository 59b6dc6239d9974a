import type { CaseResult, EvalRun } from "./run-eval";
import type { EvalSummary, ModelSummary, Spread, SystemSummary } from "./summary";

// The run as Markdown: printed to the terminal as it is, and written to eval-results/latest.md.

const fixed = (value: number, digits = 3) => value.toFixed(digits);
const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const ms = (value: number | null) => (value === null ? "—" : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const spread = (value: Spread | null) => (value === null ? "—" : `${ms(value.median)} / ${ms(value.p95)}`);
const count = (value: number) => Math.round(value).toLocaleString("en-US");
const dollars = (value: number | null) => (value === null ? "—" : value === 0 ? "$0" : value < 0.01 ? `$${value.toFixed(5)}` : `$${value.toFixed(3)}`);
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${fixed(Math.abs(value))}`;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}

function systemRow(name: string, system: SystemSummary, cases: number, model?: ModelSummary): string[] {
  const perRanking = (tokens: number) => count(tokens / Math.max(1, cases));
  return [
    name,
    fixed(system["ndcg@5"]),
    fixed(system["ndcg@10"]),
    fixed(system["precision@5"]),
    fixed(system["recall@24"]),
    String(system["disliked@5"]),
    percent(system.groundedReasons),
    model ? String(model.rejected) : "—",
    model ? spread(model.firstItemMs) : "—",
    model ? spread(model.totalMs) : "—",
    model ? `${perRanking(model.tokens.input)} / ${perRanking(model.tokens.output)}${model.tokens.estimated ? " (some estimated)" : ""}` : "—",
    model ? dollars(model.cost?.perRanking ?? null) : "$0",
    model ? dollars(model.cost ? model.cost.perRanking * 1000 : null) : "$0",
  ];
}

const trio = (result: CaseResult, pick: (score: CaseResult["scores"]["model"]) => string) =>
  `${pick(result.scores.model)} / ${pick(result.scores.embedded)} / ${pick(result.scores.popular)}`;

function caseRow(result: CaseResult): string[] {
  const { model } = result;
  const grounded = (score: CaseResult["scores"]["model"]) => (score.reasons === 0 ? "—" : percent(score.groundedReasons / score.reasons));
  return [
    result.id,
    String(result.candidates),
    trio(result, (score) => fixed(score.ndcg5, 2)),
    trio(result, (score) => fixed(score.ndcg10, 2)),
    trio(result, (score) => fixed(score.precision5, 2)),
    trio(result, (score) => fixed(score.recall24, 2)),
    trio(result, (score) => String(score.disliked5)),
    `${grounded(result.scores.model)} / ${grounded(result.scores.embedded)}`,
    `${model.rejected}${model.outcome === "complete" ? "" : ` (${model.outcome})`}`,
    ms(model.firstItemMs),
    ms(model.totalMs),
    model.usage ? `${count(model.usage.inputTokens)} / ${count(model.usage.outputTokens)}` : "—",
    dollars(model.cost),
  ];
}

interface ReportContext {
  machine: string;
  date: string;
  /** Wall-clock time of the whole run. */
  wallMs: number;
  /** A word on the model's pace, e.g. the simulated model's. */
  paceNote?: string;
}

export function markdownReport(run: EvalRun, summary: EvalSummary, context: ReportContext): string {
  const { model, embedded, popular } = summary.systems;
  const lines: string[] = [];
  lines.push(`# Eval: ${summary.set} — ${summary.cases} cases`);
  lines.push("");
  lines.push(`model: ${model.provider} ${model.model}, picks ${summary.picks}${context.paceNote ? ` (${context.paceNote})` : ""}`);
  lines.push(`machine: ${context.machine}; ${context.date}; the run took ${ms(context.wallMs)}`);
  lines.push("");
  lines.push("## Overall");
  lines.push("");
  lines.push(
    ...table(
      ["system", "NDCG@5", "NDCG@10", "P@5", "recall@24", "disliked in top 5", "reasons naming a fact", "rejected", "first pick (median / p95)", "whole ranking (median / p95)", "tokens in / out per ranking", "cost per ranking", "per 1,000"],
      [
        systemRow(`model (${model.provider} ${model.model})`, model, summary.cases, model),
        systemRow("embedded ranker", embedded, summary.cases),
        systemRow("popular order", popular, summary.cases),
      ],
    ),
  );
  lines.push("");
  const searches = run.results.filter((result) => result.searched).length;
  if (searches > 0) {
    lines.push(`Searches: ${searches} of ${summary.cases} cases; ${summary.zeroResults} found no product (zero results). A search is scored against every product graded for it, found or not.`);
    lines.push("");
  }
  lines.push(`NDCG@5: model − popular ${signed(model["ndcg@5"] - popular["ndcg@5"])}, embedded − popular ${signed(embedded["ndcg@5"] - popular["ndcg@5"])}, model − embedded ${signed(model["ndcg@5"] - embedded["ndcg@5"])}.`);
  const outcomes = Object.entries(model.outcomes).map(([outcome, n]) => `${outcome} ${n}`).join(", ");
  lines.push(`Model outcomes: ${outcomes}. Tokens in all: ${count(model.tokens.input)} in (${count(model.tokens.cachedInput)} cached), ${count(model.tokens.output)} out; cost ${dollars(model.cost?.total ?? null)}.`);
  if (summary.groups.length > 0) {
    lines.push("");
    lines.push("## By group (NDCG@5)");
    lines.push("");
    lines.push(
      ...table(
        ["group", "cases", "model", "embedded", "popular"],
        summary.groups.map((group) => [group.group, String(group.cases), fixed(group["ndcg@5"].model), fixed(group["ndcg@5"].embedded), fixed(group["ndcg@5"].popular)]),
      ),
    );
  }
  lines.push("");
  lines.push("## Per case (model / embedded / popular)");
  lines.push("");
  lines.push(
    ...table(
      ["case", "candidates", "NDCG@5", "NDCG@10", "P@5", "recall@24", "disliked in top 5", "reasons naming a fact (model / embedded)", "rejected", "first pick", "whole ranking", "tokens in / out", "cost"],
      run.results.map(caseRow),
    ),
  );
  return `${lines.join("\n")}\n`;
}
