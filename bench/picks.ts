import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { median } from "./support/stats.ts";
import { startNext } from "./support/server.ts";
import { answerText, CANDIDATES, NO_SIGNALS, rankingRequest, SHOPPERS, simulatedInputTokens } from "./support/ranking-request.ts";

// The model ranks its best AISLE_MODEL_PICKS candidates and the rest follow at once in the embedded ranker's
// order: what that saves against the model ranking every candidate, on two `next start`s with the simulated
// model, one ranking per shopper (six distinct shoppers: nothing is a replay).

export type Picks = 24 | "all";

export interface ShopperRanking {
  shopper: string;
  outcome: string;
  ranked: number;
  fallback: number;
  /** The done line's usage (the simulated model counts ~4 characters a token). */
  usage: { inputTokens: number; cachedInputTokens: number | null; outputTokens: number; estimated: boolean } | null;
  /** The model's answer (its items' ids and reasons, as it writes them), counted with o200k. */
  answerTokens: number;
  answerChars: number;
  /** The done line's server-side figures, ms. */
  firstItemMs: number;
  totalMs: number;
  /** Client-side, ms from sending the request. */
  doneAt: number;
  lastModelItemAt: number;
  lastItemAt: number;
  /** The 24th model item (picks 24 only). */
  pickAt: number;
  /** Every catalog product exactly once. */
  everyProductOnce: boolean;
  /** The server's prompt has the length of the bench's copy of it (see ranking-request.ts). */
  promptMatches: boolean;
}

export interface PicksRun {
  picks: Picks;
  rankings: ShopperRanking[];
  /** Medians over the shoppers. */
  outputTokens: number;
  answerTokens: number;
  totalMs: number;
  doneAt: number;
  lastModelItemAt: number;
  lastItemAt: number;
  /** Picks 24: last item − the 24th model item, median and max over the shoppers, ms. */
  restAfterPick: { median: number; max: number } | null;
}

export interface PicksResult {
  pace: { ttftMs: number; tokensPerSecond: number };
  runs: PicksRun[];
  /** Problems found (a product missing or twice, a ranking that did not finish…): the bench fails on any. */
  problems: string[];
}

interface Line {
  at: number;
  value: Record<string, unknown>;
}

async function rank(url: string): Promise<Line[]> {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const lines: Line[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    const at = performance.now() - started;
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const text = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (text.trim()) lines.push({ at, value: JSON.parse(text) as Record<string, unknown> });
    }
  }
  return lines;
}

function summarise(shopperId: string, picks: Picks, lines: readonly Line[], problems: string[]): ShopperRanking {
  const items = lines.filter((line) => line.value.type === "item");
  const done = lines.at(-1);
  if (!done || done.value.type !== "done") throw new Error(`picks ${picks}, shopper ${shopperId}: no done line`);
  const summary = done.value as { outcome: string; ranked: number; fallback: number; firstItemMs: number; totalMs: number; usage: ShopperRanking["usage"] };
  const modelItems = items.filter((line) => line.value.source === "model");
  const answer = answerText(modelItems.map((line) => ({ id: String(line.value.id), reason: String(line.value.reason) })));

  const ids = items.map((line) => String(line.value.id));
  const everyProductOnce = ids.length === CANDIDATES.length && new Set(ids).size === ids.length && CANDIDATES.every((product) => ids.includes(product.id));
  const wantPicks = picks === "all" ? CANDIDATES.length : picks;
  const shopper = SHOPPERS.find((profile) => profile.id === shopperId);
  const promptMatches = !!shopper && summary.usage?.inputTokens === simulatedInputTokens(rankingRequest(shopper, NO_SIGNALS, picks));
  const label = `picks ${picks}, shopper ${shopperId}`;
  if (!everyProductOnce) problems.push(`${label}: ${ids.length} items, ${new Set(ids).size} distinct, of ${CANDIDATES.length} products`);
  if (summary.outcome !== "complete") problems.push(`${label}: outcome ${summary.outcome}`);
  if (summary.ranked !== wantPicks || modelItems.length !== wantPicks) problems.push(`${label}: ${summary.ranked} model picks (${modelItems.length} model items), expected ${wantPicks}`);

  return {
    shopper: shopperId,
    outcome: summary.outcome,
    ranked: summary.ranked,
    fallback: summary.fallback,
    usage: summary.usage,
    answerTokens: countTokens(answer),
    answerChars: answer.length,
    firstItemMs: summary.firstItemMs,
    totalMs: summary.totalMs,
    doneAt: done.at,
    lastModelItemAt: modelItems.at(-1)?.at ?? Number.NaN,
    lastItemAt: items.at(-1)?.at ?? Number.NaN,
    pickAt: picks === "all" ? Number.NaN : (modelItems[picks - 1]?.at ?? Number.NaN),
    everyProductOnce,
    promptMatches,
  };
}

/** One `next start` per setting, a fresh in-memory database each, the six shoppers one after another. */
export async function measurePicks(port: number, pace: { ttftMs: number; tokensPerSecond: number }): Promise<PicksResult> {
  const problems: string[] = [];
  const runs: PicksRun[] = [];
  for (const picks of [24, "all"] as const) {
    const server = await startNext({
      port,
      env: {
        AISLE_PROVIDER: "simulated",
        AISLE_DATA_DIR: "memory://",
        AISLE_MODEL_PICKS: String(picks),
        AISLE_SIM_TTFT_MS: String(pace.ttftMs),
        AISLE_SIM_TOKENS_PER_SECOND: String(pace.tokensPerSecond),
      },
    });
    const rankings: ShopperRanking[] = [];
    try {
      // A search that matches nothing loads the route and opens the database without calling the model.
      await (await fetch(`${server.url}/api/rankings?shopper=12345&q=zzwarmup`)).text();
      for (const shopper of SHOPPERS) {
        const lines = await rank(`${server.url}/api/rankings?shopper=${encodeURIComponent(shopper.id)}`);
        rankings.push(summarise(shopper.id, picks, lines, problems));
      }
    } finally {
      await server.stop();
    }
    const of = (pick: (ranking: ShopperRanking) => number) => median(rankings.map(pick));
    const rest = picks === "all" ? [] : rankings.map((ranking) => ranking.lastItemAt - ranking.pickAt);
    runs.push({
      picks,
      rankings,
      outputTokens: of((ranking) => ranking.usage?.outputTokens ?? Number.NaN),
      answerTokens: of((ranking) => ranking.answerTokens),
      totalMs: of((ranking) => ranking.totalMs),
      doneAt: of((ranking) => ranking.doneAt),
      lastModelItemAt: of((ranking) => ranking.lastModelItemAt),
      lastItemAt: of((ranking) => ranking.lastItemAt),
      restAfterPick: rest.length > 0 ? { median: median(rest), max: Math.max(...rest) } : null,
    });
  }
  return { pace, runs, problems };
}
