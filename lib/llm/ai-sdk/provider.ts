import { streamText } from "ai";
import type { AiSdkConfig } from "@/lib/config/env";
import type { ModelChunk, ModelProvider, RankingRequest } from "../types";
import { modelChunks } from "./chunks";
import { withInBandErrors } from "./in-band-errors";
import { toModelMessages } from "./messages";
import { rawStructuredOutput } from "./output";
import { resolveModel, type AiSdkModel } from "./resolve-model";

/**
 * Ranks through the Vercel AI SDK (AISLE_PROVIDER=ai): any model AISLE_MODEL names, streamed under the
 * ranking schema as structured output. `model` lets tests hand in a mock; otherwise AISLE_MODEL is resolved
 * here, so a configuration error shows when the provider is made, not on the first ranking.
 */
export function createAiSdkProvider(config: AiSdkConfig, model: AiSdkModel = resolveModel(config)): ModelProvider {
  const wrapped = withInBandErrors(model);
  return {
    name: "ai",
    model: config.model,
    async *stream(request: RankingRequest, signal: AbortSignal): AsyncGenerator<ModelChunk, void, undefined> {
      // Our own controller as well as the caller's: the SDK tees its stream, so a reader that stops early
      // does not cancel the HTTP request by itself — aborting does.
      const call = new AbortController();
      const stop = () => call.abort(signal.reason);
      signal.addEventListener("abort", stop, { once: true });
      if (signal.aborted) stop();
      try {
        const result = streamText({
          model: wrapped,
          // v7 refuses system messages inside `messages` unless allowed; keeping them there keeps the
          // prompt's order (and its cacheable prefix) exactly as built.
          messages: toModelMessages(request.messages),
          allowSystemInMessages: true,
          output: rawStructuredOutput(request.responseSchema, request.schemaName),
          // Routes requests over the same candidates to a warm prompt cache (OpenAI, direct or via the Gateway).
          providerOptions: { openai: { promptCacheKey: request.cacheKey } },
          abortSignal: call.signal,
          // One retry at most: a shopper is better served by the fallback order now than by a ranking after a long back-off.
          maxRetries: 1,
          // The default logs every failure to the console; ours are thrown to the pipeline, which reports them.
          onError: () => {},
          // The SDK's telemetry is on by default; here only while the ranking is traced, named and tagged as the
          // ranking's own span is (its OpenTelemetry spans, with @ai-sdk/otel registered, nest under `aisle.model`).
          ...telemetryOf(request),
        });
        yield* modelChunks(result.fullStream, call.signal);
      } finally {
        signal.removeEventListener("abort", stop);
        call.abort();
      }
    },
  };
}

/** The SDK's `telemetry` (the v7 name of `experimental_telemetry`) and its runtime context for one request. */
function telemetryOf({ telemetry }: RankingRequest) {
  if (!telemetry) return { telemetry: { isEnabled: false } };
  const include = Object.fromEntries(Object.keys(telemetry.metadata).map((key) => [key, true]));
  return {
    runtimeContext: telemetry.metadata,
    telemetry: { isEnabled: true, functionId: telemetry.functionId, recordInputs: false, recordOutputs: false, includeRuntimeContext: include },
  };
}
