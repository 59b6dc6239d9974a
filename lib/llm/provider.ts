import { ConfigError, type AisleConfig } from "@/lib/config/env";
import { createAiSdkProvider } from "./ai-sdk/provider";
import { createOpenAIProvider } from "./openai/provider";
import { createSimulatedProvider } from "./simulated/provider";
import type { ModelProvider } from "./types";

let cached: { config: AisleConfig; provider: ModelProvider } | undefined;

function createProvider(config: AisleConfig): ModelProvider {
  switch (config.provider) {
    case "openai":
      return createOpenAIProvider({ apiKey: config.openai.apiKey ?? "", baseURL: config.openai.baseURL, model: config.openai.model });
    case "ai":
      if (!config.ai) throw new ConfigError("AISLE_PROVIDER=ai needs AISLE_MODEL=<provider>/<model>, e.g. openai/gpt-4.1-mini");
      return createAiSdkProvider(config.ai);
    case "simulated":
      return createSimulatedProvider(config.simulated);
  }
}

/** The provider the configuration names (docs/architecture.md §2: openai when a key is set, else simulated; ai when asked for). */
export function getProvider(config: AisleConfig): ModelProvider {
  if (cached?.config === config) return cached.provider;
  const provider = createProvider(config);
  cached = { config, provider };
  return provider;
}
