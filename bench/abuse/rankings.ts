import type { Got } from "./http.ts";

// What a ranking should hold: every candidate exactly once, in rank order, with a done summary that agrees.

/**
 * The candidates of a query for a client with no history, as the storefront selects them: the store's own
 * retrieval (lib/catalog/retrieval), on a database of the bench's own in memory, seeded as the app's is.
 * (bench/run.ts runs under eval/register.ts, which resolves lib/'s `@/` imports.)
 */
let opened = false;

export async function candidateIds(q?: string, category?: string, shopperId = "12345"): Promise<string[]> {
  const [{ setDatabaseLocation }, { retrieveCandidates }, { getShopper }, { NO_SIGNALS }] = await Promise.all([
    import("../../lib/db/client.ts"),
    import("../../lib/catalog/retrieval/retrieve.ts"),
    import("../../lib/shoppers/shoppers.ts"),
    import("../../lib/shoppers/types.ts"),
  ]);
  if (!opened) setDatabaseLocation({ dataDir: "memory://" });
  opened = true;
  const shopper = await getShopper(shopperId);
  if (!shopper) throw new Error(`no demo shopper "${shopperId}"`);
  const found = await retrieveCandidates({ q, category, shopper, signals: NO_SIGNALS, limit: 100 });
  return found.products.map((product) => product.id);
}

interface Item {
  rank: number;
  id: string;
  reason: string;
  source: "model" | "fallback";
}

interface Summary {
  outcome: string;
  ranked: number;
  fallback: number;
  rejected: number;
  replay: boolean;
  totalMs: number;
  detail?: string;
}

/** Why a ranking is not whole (every candidate exactly once, ranks 1..n, the summary's counts), or undefined. */
export function wholeProblem(items: readonly { rank: number; id: string }[], summary: Summary | undefined, candidates: readonly string[]): string | undefined {
  if (!summary) return "no done line";
  const ids = items.map((item) => item.id);
  const unique = new Set(ids);
  if (unique.size !== ids.length) return `${ids.length - unique.size} product(s) twice`;
  const missing = candidates.filter((id) => !unique.has(id));
  if (missing.length > 0) return `missing ${missing.length} candidate(s): ${missing.slice(0, 5).join(", ")}`;
  const extra = ids.filter((id) => !candidates.includes(id));
  if (extra.length > 0) return `not candidates: ${extra.slice(0, 5).join(", ")}`;
  if (items.some((item, i) => item.rank !== i + 1)) return "ranks are not 1..n in order";
  if (summary.ranked + summary.fallback !== items.length) return `done line says ${summary.ranked} + ${summary.fallback}, ${items.length} items came`;
  return undefined;
}

export interface Ndjson {
  items: (Item & { at: number })[];
  summary?: Summary;
  bad?: string;
}

export function readNdjson(got: Got): Ndjson {
  const lines = got.body.split("\n");
  const items: Ndjson["items"] = [];
  let summary: Summary | undefined;
  try {
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const value = JSON.parse(line) as { type: string } & Item & Summary;
      if (value.type === "item") items.push({ rank: value.rank, id: value.id, reason: value.reason, source: value.source, at: got.lineTimes[i] ?? Number.NaN });
      else if (value.type === "done") summary = value;
    });
  } catch (error) {
    return { items, summary, bad: `not NDJSON: ${String(error).slice(0, 100)}` };
  }
  return { items, summary };
}

/** The cards an HTML page holds (an early card's markup sits in a <noscript>; a replay's in the grid). */
export function pageCards(html: string): { id: string; rank: number; source: string }[] {
  return [...html.matchAll(/data-testid="ranked-card" data-product-id="([^"]+)" data-rank="(\d+)" data-source="(model|fallback)"/g)].map((match) => ({
    id: match[1] as string,
    rank: Number(match[2]),
    source: match[3] as string,
  }));
}

/**
 * The ranking's done summary, from the page's RSC payload (the `self.__next_f.push([1, "…"])` scripts): a live
 * ranking's last grid entry, or a replayed ranking's, which the page renders whole.
 */
export function pageSummary(html: string): Summary | undefined {
  let payload = "";
  for (const match of html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    try {
      const pushed = JSON.parse(match[1] as string) as unknown[];
      if (typeof pushed[1] === "string") payload += pushed[1];
    } catch {
      // not a payload chunk
    }
  }
  // The summary is flat but for `usage` (an object or null).
  const found = /\{"type":"done","ranked":[^{}]*(?:\{[^{}]*\}[^{}]*)?\}/.exec(payload);
  if (!found) return undefined;
  try {
    return JSON.parse(found[0]) as Summary;
  } catch {
    return undefined;
  }
}
