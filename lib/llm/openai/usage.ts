import type { CompletionUsage } from "openai/resources/completions";
import type { ReportedUsage } from "../types";

/**
 * The usage a chunk carries, if any. OpenAI sends it on a last chunk with no choices when asked; llama.cpp and
 * others send it unasked, on the last content chunk or on several: the caller keeps the last one seen.
 */
export function readUsage(usage: CompletionUsage | null | undefined): ReportedUsage | undefined {
  if (!usage || !isCount(usage.prompt_tokens) || !isCount(usage.completion_tokens)) return undefined;
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return {
    inputTokens: usage.prompt_tokens,
    // Ollama and others send no details: unknown, not zero.
    cachedInputTokens: isCount(cached) ? cached : null,
    outputTokens: usage.completion_tokens,
  };
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}
