import type { LanguageModelUsage } from "ai";
import type { ReportedUsage } from "../types";

/**
 * The SDK's usage in our terms; undefined when the server reported none (the pipeline then estimates).
 * The SDK's providers turn a cache count the server left out into 0, so where the raw report is
 * Chat Completions' (OpenAI, OpenAI-compatible servers) we look there: no `cached_tokens`, e.g. Ollama's,
 * is "does not say" (null), not "nothing cached".
 */
export function reportedUsage(usage: LanguageModelUsage): ReportedUsage | undefined {
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return undefined;
  return {
    inputTokens: usage.inputTokens ?? 0,
    cachedInputTokens: cachedInputTokens(usage),
    outputTokens: usage.outputTokens ?? 0,
  };
}

function cachedInputTokens(usage: LanguageModelUsage): number | null {
  const raw = usage.raw;
  if (raw && "prompt_tokens" in raw) {
    const details = raw.prompt_tokens_details as Record<string, unknown> | null | undefined;
    const cached = details?.cached_tokens;
    return typeof cached === "number" ? cached : null;
  }
  return usage.inputTokenDetails?.cacheReadTokens ?? null;
}
