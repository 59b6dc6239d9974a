import OpenAI from "openai";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { downgradeFor } from "./downgrade";
import { withReadableErrorBodies } from "./error-body";
import { rememberShape, rememberedShape } from "./remembered-shapes";
import { buildRequestBody, type RequestShape } from "./request-shape";
import { readUsage } from "./usage";
import type { ModelChunk, ModelProvider, RankingRequest, ReportedUsage } from "@/lib/llm/types";
import { recordingSpan, type Span } from "@/lib/telemetry/spans";

export interface OpenAIProviderOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp); unset: OpenAI's own. */
  baseURL?: string;
  model: string;
}

/**
 * Ranks with Chat Completions, streamed, under strict structured output (docs/architecture.md §2), with the prompt cache key
 * and a usage report asked for. A server that refuses one of those gets a request without it (remembered per base
 * URL and model). One transport retry at most: a shopper is better served by the fallback order now than by a
 * ranking after a long back-off.
 */
export function createOpenAIProvider({ apiKey, baseURL, model }: OpenAIProviderOptions): ModelProvider {
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 1, fetch: withReadableErrorBodies() });
  return {
    name: "openai",
    model,
    async *stream(request: RankingRequest, signal: AbortSignal): AsyncGenerator<ModelChunk> {
      // While the ranking is traced, its model span (aisle.model) is active here: what only the server says goes on it.
      const span = recordingSpan();
      const stream = await open(client, model, request, signal, span);
      let usage: ReportedUsage | undefined;
      let answered = false;
      for await (const chunk of stream) {
        if (span && !answered) {
          answered = true;
          span.setAttributes({ "gen_ai.response.id": chunk.id, "gen_ai.response.model": chunk.model });
        }
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) yield delta;
        if (span && choice?.finish_reason) span.setAttribute("gen_ai.response.finish_reasons", [choice.finish_reason]);
        usage = readUsage(chunk.usage) ?? usage;
      }
      // The SDK ends the iteration quietly on an abort: a usage seen by then may be a running count, not the total.
      if (usage && !signal.aborted) yield { type: "usage", usage };
    },
  };
}

/**
 * Opens the stream with the shape remembered for this server, stepping down on each refusal. All retries happen
 * before the first chunk is read, so the caller never sees text twice.
 */
async function open(client: OpenAI, model: string, request: RankingRequest, signal: AbortSignal, span?: Span): Promise<AsyncIterable<ChatCompletionChunk>> {
  let shape: RequestShape = rememberedShape(client.baseURL, model);
  let refusal: string | undefined;
  for (;;) {
    try {
      const stream = await client.chat.completions.create(buildRequestBody(request, model, shape), { signal });
      if (refusal !== undefined) rememberShape(client.baseURL, model, shape, refusal);
      return stream;
    } catch (error) {
      const lesser = signal.aborted ? undefined : downgradeFor(shape, error);
      if (!lesser) throw error;
      shape = lesser;
      refusal = error instanceof Error ? error.message.slice(0, 300) : String(error);
      span?.addEvent("aisle.model.downgraded", { "aisle.refusal": refusal });
    }
  }
}
