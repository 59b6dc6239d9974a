import { describe, expect, it } from "vitest";
import type { AiSdkConfig } from "@/lib/config/env";
import { readConfig } from "@/lib/config/env";
import { resolveModel } from "@/lib/llm/ai-sdk/resolve-model";
import { getProvider } from "@/lib/llm/provider";

const route = (model: string, keys: AiSdkConfig["keys"], baseURL?: string) => {
  const resolved = resolveModel({ model, keys, baseURL }) as { provider: string; modelId: string };
  return `${resolved.provider} ${resolved.modelId}`;
};

describe("resolveModel", () => {
  it.each([
    ["openai/gpt-4.1-mini", { openai: "sk" }, "openai.chat gpt-4.1-mini"],
    ["anthropic/claude-haiku-4-5", { anthropic: "ak" }, "anthropic.messages claude-haiku-4-5"],
    ["google/gemini-2.5-flash", { google: "gk" }, "google.generative-ai gemini-2.5-flash"],
  ])("calls %s direct when its own key is set, even with a gateway key", (model, keys, expected) => {
    expect(route(model, { ...keys, gateway: "gw" })).toBe(expected);
  });

  it.each([
    ["openai/gpt-4.1-mini", { anthropic: "ak", google: "gk" }],
    ["anthropic/claude-haiku-4-5", { openai: "sk" }],
    ["google/gemini-2.5-flash", { openai: "sk", anthropic: "ak" }],
  ])("sends %s through the AI Gateway, whole, when only other keys and the gateway key are set", (model, keys) => {
    expect(route(model, { ...keys, gateway: "gw" })).toBe(`gateway ${model}`);
  });

  it("names both variables when neither the provider's key nor the gateway key is set", () => {
    expect(() => route("anthropic/claude-haiku-4-5", { openai: "sk" })).toThrow(/ANTHROPIC_API_KEY.*AI_GATEWAY_API_KEY/);
    expect(() => route("google/gemini-2.5-flash", {})).toThrow(/GOOGLE_GENERATIVE_AI_API_KEY.*AI_GATEWAY_API_KEY/);
    expect(() => route("openai/gpt-4.1-mini", {})).toThrow(/OPENAI_API_KEY.*AI_GATEWAY_API_KEY/);
  });

  it("sends openai-compatible/<model> to OPENAI_BASE_URL, keeping slashes in the model id", () => {
    expect(route("openai-compatible/qwen/qwen3-8b", { openai: "local" }, "http://127.0.0.1:11434/v1")).toBe("openai-compatible.chat qwen/qwen3-8b");
    // No key is fine for a local server; the gateway key never reroutes it.
    expect(route("openai-compatible/llama3", { gateway: "gw" }, "http://127.0.0.1:11434/v1")).toBe("openai-compatible.chat llama3");
  });

  it("refuses openai-compatible without OPENAI_BASE_URL", () => {
    expect(() => route("openai-compatible/llama3", { openai: "k" })).toThrow(/OPENAI_BASE_URL/);
  });

  it("refuses an unknown provider prefix, naming the ones it knows", () => {
    expect(() => route("mistral/mistral-small", { gateway: "gw" })).toThrow(/unknown provider "mistral".*openai-compatible/);
  });
});

describe("getProvider with AISLE_PROVIDER=ai", () => {
  it("makes the ai provider, named by AISLE_MODEL", () => {
    const config = readConfig({ AISLE_PROVIDER: "ai", AISLE_MODEL: "anthropic/claude-haiku-4-5", AI_GATEWAY_API_KEY: "gw" });
    const provider = getProvider(config);
    expect(provider).toMatchObject({ name: "ai", model: "anthropic/claude-haiku-4-5" });
  });

  it("fails at once, clearly, when the model cannot be reached", () => {
    const config = readConfig({ AISLE_PROVIDER: "ai", AISLE_MODEL: "google/gemini-2.5-flash" });
    expect(() => getProvider(config)).toThrow(/GOOGLE_GENERATIVE_AI_API_KEY.*AI_GATEWAY_API_KEY/);
    expect(() => getProvider({ ...config, ai: undefined })).toThrow(/AISLE_MODEL/);
  });
});
