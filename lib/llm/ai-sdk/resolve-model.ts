import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogle } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { createGateway, type LanguageModel } from "ai";
import { ConfigError, type AiSdkConfig } from "@/lib/config/env";

/** A model object: a bare string would be resolved by the SDK's global default provider, which we never want. */
export type AiSdkModel = Exclude<LanguageModel, string>;

function invalid(problem: string): ConfigError {
  return new ConfigError(problem);
}

/** The provider's own client, when its key is set; else undefined (the caller then tries the AI Gateway). */
function direct(provider: string, modelId: string, keys: AiSdkConfig["keys"]): AiSdkModel | undefined {
  switch (provider) {
    case "openai":
      // Chat Completions rather than the SDK's default Responses API: both stream strict json_schema output
      // and take prompt_cache_key, but Chat is the wire contract of docs/architecture.md §2 and of the `openai` provider,
      // so the two providers are compared like for like (and Responses would store each call by default).
      // OPENAI_BASE_URL is not used here: a non-OpenAI endpoint is what `openai-compatible/…` is for.
      return keys.openai ? createOpenAI({ apiKey: keys.openai }).chat(modelId) : undefined;
    case "anthropic":
      return keys.anthropic ? createAnthropic({ apiKey: keys.anthropic })(modelId) : undefined;
    case "google":
      return keys.google ? createGoogle({ apiKey: keys.google })(modelId) : undefined;
    default:
      return undefined;
  }
}

const DIRECT_KEY: Record<string, string> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
};

/**
 * The AI SDK model AISLE_MODEL names (docs/architecture.md §2). Keys are passed explicitly, never read from the
 * environment by the SDK, so the configuration alone decides the route.
 */
export function resolveModel(config: AiSdkConfig): AiSdkModel {
  const slash = config.model.indexOf("/");
  const provider = slash > 0 ? config.model.slice(0, slash) : "";
  // Split on the first slash only: model ids may hold slashes of their own (`openai-compatible/qwen/qwen3-8b`).
  const modelId = slash > 0 ? config.model.slice(slash + 1) : "";
  if (!provider || !modelId) throw invalid(`AISLE_MODEL must be <provider>/<model>, got "${config.model}"`);

  if (provider === "openai-compatible") {
    if (!config.baseURL) throw invalid(`AISLE_MODEL=${config.model} needs OPENAI_BASE_URL (the server's /v1 URL)`);
    return createOpenAICompatible({
      name: "openai-compatible",
      baseURL: config.baseURL,
      apiKey: config.keys.openai,
      // Sends json_schema (not just json_object), and asks for the usage chunk at the end of the stream.
      supportsStructuredOutputs: true,
      includeUsage: true,
    })(modelId);
  }

  const ownKey = DIRECT_KEY[provider];
  if (!ownKey) {
    throw invalid(`AISLE_MODEL=${config.model}: unknown provider "${provider}" (use openai/, anthropic/, google/ or openai-compatible/)`);
  }
  const model = direct(provider, modelId, config.keys);
  if (model) return model;
  if (config.keys.gateway) return createGateway({ apiKey: config.keys.gateway })(config.model);
  throw invalid(`AISLE_MODEL=${config.model} needs ${ownKey} (direct) or AI_GATEWAY_API_KEY (through the AI Gateway)`);
}
