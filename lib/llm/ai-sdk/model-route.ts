import { ConfigError, type AiSdkConfig } from "@/lib/config/env";

// Where AISLE_MODEL goes (docs/architecture.md §2), decided from the configuration alone and without loading
// any SDK: the server checks it at once, and loads the AI SDK only for its first ranking (lib/llm/provider.ts).

/** The provider's own client, the AI Gateway, or an OpenAI-compatible server at OPENAI_BASE_URL. */
export type ModelRoute =
  | { via: "openai" | "anthropic" | "google"; modelId: string; apiKey: string }
  | { via: "gateway"; model: string; apiKey: string }
  | { via: "openai-compatible"; modelId: string; baseURL: string; apiKey: string | undefined };

const DIRECT_KEY = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
} as const;

type DirectProvider = keyof typeof DIRECT_KEY;

const isDirect = (provider: string): provider is DirectProvider => Object.hasOwn(DIRECT_KEY, provider);

/**
 * The route for AISLE_MODEL: direct when the provider's own key is set, else through the AI Gateway. Keys are
 * passed explicitly, never read from the environment by the SDK, so the configuration alone decides.
 */
export function modelRoute(config: AiSdkConfig): ModelRoute {
  const slash = config.model.indexOf("/");
  const provider = slash > 0 ? config.model.slice(0, slash) : "";
  // Split on the first slash only: model ids may hold slashes of their own (`openai-compatible/qwen/qwen3-8b`).
  const modelId = slash > 0 ? config.model.slice(slash + 1) : "";
  if (!provider || !modelId) throw new ConfigError(`AISLE_MODEL must be <provider>/<model>, got "${config.model}"`);

  if (provider === "openai-compatible") {
    if (!config.baseURL) throw new ConfigError(`AISLE_MODEL=${config.model} needs OPENAI_BASE_URL (the server's /v1 URL)`);
    return { via: "openai-compatible", modelId, baseURL: config.baseURL, apiKey: config.keys.openai };
  }
  if (!isDirect(provider)) {
    throw new ConfigError(`AISLE_MODEL=${config.model}: unknown provider "${provider}" (use openai/, anthropic/, google/ or openai-compatible/)`);
  }
  const ownKey = config.keys[provider];
  if (ownKey) return { via: provider, modelId, apiKey: ownKey };
  if (config.keys.gateway) return { via: "gateway", model: config.model, apiKey: config.keys.gateway };
  throw new ConfigError(`AISLE_MODEL=${config.model} needs ${DIRECT_KEY[provider]} (direct) or AI_GATEWAY_API_KEY (through the AI Gateway)`);
}
