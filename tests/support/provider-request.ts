import type { ModelChunk, ModelProvider, RankingRequest, ReportedUsage } from "@/lib/llm/types";
import { RESPONSE_SCHEMA_NAME, rankingResponseSchema } from "@/lib/ranking/pipeline/contract";
import { NO_SIGNALS } from "@/lib/shoppers/types";
import { product, shopper } from "@/tests/support/fixtures";

// Builds the provider's input by hand, so these tests do not follow the pipeline's prompt as it changes:
// what the provider must do holds for any prompt that lists the candidates one JSON object a line.
export function rankingRequest(ids: readonly string[] = ["1", "2", "3"]): RankingRequest {
  const candidates = ids.map((id) => product(id));
  const lines = candidates.map((candidate) => JSON.stringify({ id: candidate.id, name: candidate.name }));
  return {
    messages: [
      { role: "system", content: 'Rank the candidates. Answer with JSON only: {"products": [{"id": …, "reason": …}]}.' },
      { role: "user", content: ["CANDIDATES (one JSON object per line):", ...lines].join("\n"), cacheBreakpoint: true },
      { role: "user", content: `Rank all ${ids.length} candidates.` },
    ],
    responseSchema: rankingResponseSchema(ids),
    schemaName: RESPONSE_SCHEMA_NAME,
    cacheKey: `aisle-test-${ids.join("-")}`,
    picks: ids.length,
    shopper,
    signals: NO_SIGNALS,
    candidates,
  };
}

export interface Collected {
  text: string;
  usages: ReportedUsage[];
  chunks: ModelChunk[];
}

/** Reads the provider's stream to its end, as the pipeline would. */
export async function collect(provider: ModelProvider, request: RankingRequest, signal = new AbortController().signal): Promise<Collected> {
  const collected: Collected = { text: "", usages: [], chunks: [] };
  for await (const chunk of provider.stream(request, signal)) {
    collected.chunks.push(chunk);
    if (typeof chunk === "string") collected.text += chunk;
    else collected.usages.push(chunk.usage);
  }
  return collected;
}

export function rankedIds(text: string): string[] {
  return (JSON.parse(text) as { products: { id: string }[] }).products.map((element) => element.id);
}

export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let models = 0;
/** A model name no other test used: what worked is remembered per base URL and model, process-wide. */
export function freshModel(): string {
  return `fake-model-${++models}-${Math.random().toString(36).slice(2, 8)}`;
}
