import OpenAI from "openai";
import type { ModelProvider, RankingRequest } from "./types";

export interface OpenAIProviderOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp); unset: OpenAI's own. */
  baseURL?: string;
  model: string;
}

/**
 * Ranks with Chat Completions, streamed, under strict structured output (DESIGN §4). One retry at most:
 * a shopper is better served by the fallback order now than by a ranking after a long back-off.
 */
export function createOpenAIProvider({ apiKey, baseURL, model }: OpenAIProviderOptions): ModelProvider {
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 1 });
  return {
    name: "openai",
    model,
    async *streamText(request: RankingRequest, signal: AbortSignal) {
      const stream = await client.chat.completions.create(
        {
          model,
          stream: true,
          messages: request.messages,
          response_format: {
            type: "json_schema",
            json_schema: { name: request.schemaName, strict: true, schema: request.responseSchema },
          },
        },
        { signal },
      );
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) yield delta;
      }
    },
  };
}
