import type { AisleConfig } from "@/lib/config/env";
import { createOpenAIProvider } from "./openai";
import { createSimulatedProvider } from "./simulated/provider";
import type { ModelProvider } from "./types";

let cached: { config: AisleConfig; provider: ModelProvider } | undefined;

/** The provider the configuration names (DESIGN §4: openai when a key is set, else simulated). */
export function getProvider(config: AisleConfig): ModelProvider {
  if (cached?.config === config) return cached.provider;
  const provider =
    config.provider === "openai"
      ? createOpenAIProvider({ apiKey: config.openai.apiKey ?? "", baseURL: config.openai.baseURL, model: config.openai.model })
      : createSimulatedProvider(config.simulated);
  cached = { config, provider };
  return provider;
}
