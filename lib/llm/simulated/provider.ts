import type { ModelProvider, RankingRequest } from "@/lib/llm/types";
import { paceText, type Pace } from "./pace";
import { writeReason } from "@/lib/embedded-ranker/reason";
import { scoreCandidates } from "@/lib/embedded-ranker/score";

export const SIMULATED_MODEL = "aisle-simulated-ranker";

/** The answer the simulated model writes: the same JSON an OpenAI-compatible model returns. */
export function simulatedAnswer(request: RankingRequest): string {
  const ranked = scoreCandidates(request.candidates, request.shopper, request.signals);
  return JSON.stringify({ products: ranked.map((scored) => ({ id: scored.product.id, reason: writeReason(scored) })) });
}

/** An honest offline ranker (DESIGN §6): scores the candidates, then writes its answer token by token. */
export function createSimulatedProvider(pace: Pace): ModelProvider {
  return {
    name: "simulated",
    model: SIMULATED_MODEL,
    streamText(request: RankingRequest, signal: AbortSignal) {
      return paceText(simulatedAnswer(request), pace, signal);
    },
  };
}
