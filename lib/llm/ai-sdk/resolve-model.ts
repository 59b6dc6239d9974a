import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogle } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createGateway, type LanguageModel } from "ai";
import type { AiSdkConfig } from "@/lib/config/env";
import { modelRoute } from "./model-route";

/** A model object: a bare string would be resolved by the SDK's global default provider, which we never want. */
export type AiSdkModel = Exclude<LanguageModel, string>;

/** The AI SDK model AISLE_MODEL names, on the route lib/llm/ai-sdk/model-route.ts picks. */
export function resolveModel(config: AiSdkConfig): AiSdkModel {
  const route = modelRoute(config);
  switch (route.via) {
    case "openai-compatible":
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: route.baseURL,
        apiKey: route.apiKey,
        // Sends json_schema (not just json_object), and asks for the usage chunk at the end of the stream.
        supportsStructuredOutputs: true,
        includeUsage: true,
      })(route.modelId);
    case "openai":
      // Chat Completions rather than the SDK's default Responses API: both stream strict json_schema output
      // and take prompt_cache_key, but Chat is the wire contract of docs/architecture.md §2 and of the `openai` provider,
      // so the two providers are compared like for like (and Responses would store each call by default).
      // OPENAI_BASE_URL is not used here: a non-OpenAI endpoint is what `openai-compatible/…` is for.
      return createOpenAI({ apiKey: route.apiKey }).chat(route.modelId);
    case "anthropic":
      return createAnthropic({ apiKey: route.apiKey })(route.modelId);
    case "google":
      return createGoogle({ apiKey: route.apiKey })(route.modelId);
    case "gateway":
      return createGateway({ apiKey: route.apiKey })(route.model);
  }
}
