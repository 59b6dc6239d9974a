import type { ChatMessage, ReportedUsage } from "@/lib/llm/types";
import type { RankingUsage } from "./events";

/** Chat Completions adds a few tokens per message for roles and separators (OpenAI's cookbook counts 3, plus 3 to prime the reply). */
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMER = 3;

// The o200k tokenizer's tables are large: loaded on the first estimate, not at server start.
let tokenizer: Promise<{ countTokens(text: string): number }> | undefined;
const loadTokenizer = () => (tokenizer ??= import("gpt-tokenizer/encoding/o200k_base"));

/** What the server said it counted. */
export function reportedUsage(usage: ReportedUsage): RankingUsage {
  return { ...usage, estimated: false };
}

/**
 * Counts a request and the text the model sent with o200k (GPT-4o's and GPT-4.1's encoding) when the
 * server's own figures never came: a request stopped after the picks never receives the usage chunk.
 * Other model families tokenise differently, so this is an estimate, and says so.
 */
export async function estimateUsage(messages: readonly ChatMessage[], responseSchema: unknown, outputText: string): Promise<RankingUsage> {
  const { countTokens } = await loadTokenizer();
  const prompt = messages.reduce((sum, message) => sum + TOKENS_PER_MESSAGE + countTokens(message.content), REPLY_PRIMER);
  return {
    inputTokens: prompt + countTokens(JSON.stringify(responseSchema)),
    cachedInputTokens: null,
    outputTokens: countTokens(outputText),
    estimated: true,
  };
}
