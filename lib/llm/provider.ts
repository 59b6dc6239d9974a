import { ConfigError, type AisleConfig } from "@/lib/config/env";
import { modelRoute } from "./ai-sdk/model-route";
import { loadOnFirstUse } from "./load-on-first-use";
import { createSimulatedProvider } from "./simulated/provider";
import type { ModelProvider } from "./types";

let cached: { config: AisleConfig; provider: ModelProvider } | undefined;

function createProvider(config: AisleConfig): ModelProvider {
  switch (config.provider) {
    case "openai": {
      const options = { apiKey: config.openai.apiKey ?? "", baseURL: config.openai.baseURL, model: config.openai.model };
      return loadOnFirstUse("openai", options.model, async () => (await import("./openai/provider")).createOpenAIProvider(options));
    }
    case "ai": {
      const ai = config.ai;
      if (!ai) throw new ConfigError("AISLE_PROVIDER=ai needs AISLE_MODEL=<provider>/<model>, e.g. openai/gpt-4.1-mini");
      // Checked now, so a configuration error shows when the provider is made, not on the first ranking.
      modelRoute(ai);
      return loadOnFirstUse("ai", ai.model, async () => (await import("./ai-sdk/provider")).createAiSdkProvider(ai));
    }
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
