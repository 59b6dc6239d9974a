import type { ModelChunk, ModelProvider, RankingRequest } from "@/lib/llm/types";
import { writeReason } from "@/lib/embedded-ranker/reason";
import { scoreCandidates } from "@/lib/embedded-ranker/score";
import { paceText, type Pace } from "./pace";

export const SIMULATED_MODEL = "aisle-simulated-ranker";

/** The simulated model's tokens are its pace's: about four characters each. */
const CHARS_PER_TOKEN = 4;
const tokensOf = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);

/** The answer the simulated model writes: its best `picks`, in the same JSON an OpenAI-compatible model returns. */
export function simulatedAnswer(request: RankingRequest): string {
  const ranked = scoreCandidates(request).slice(0, request.picks);
  return JSON.stringify({ products: ranked.map((scored) => ({ id: scored.product.id, reason: writeReason(scored) })) });
}

/**
 * An honest offline ranker (docs/architecture.md §7): scores the candidates, writes its picks token by token, and ends
 * with a usage report as a server sends one, counted in its own tokens.
 */
export function createSimulatedProvider(pace: Pace): ModelProvider {
  return {
    name: "simulated",
    model: SIMULATED_MODEL,
    async *stream(request: RankingRequest, signal: AbortSignal): AsyncGenerator<ModelChunk, void, undefined> {
      const answer = simulatedAnswer(request);
      yield* paceText(answer, { charsPerToken: CHARS_PER_TOKEN, ...pace }, signal);
      const prompt = request.messages.map((message) => message.content).join("") + JSON.stringify(request.responseSchema);
      yield { type: "usage", usage: { inputTokens: tokensOf(prompt), cachedInputTokens: null, outputTokens: tokensOf(answer) } };
    },
  };
}
