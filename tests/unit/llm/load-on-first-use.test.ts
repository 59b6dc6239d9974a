import { describe, expect, it, vi } from "vitest";
import { readConfig } from "@/lib/config/env";
import { loadOnFirstUse } from "@/lib/llm/load-on-first-use";
import { getProvider } from "@/lib/llm/provider";
import type { ModelChunk, ModelProvider, RankingRequest } from "@/lib/llm/types";

const request = {} as RankingRequest;

function fixed(chunks: ModelChunk[]): ModelProvider {
  return {
    name: "inner",
    model: "inner-model",
    async *stream() {
      yield* chunks;
    },
  };
}

async function collect(provider: ModelProvider): Promise<ModelChunk[]> {
  const seen: ModelChunk[] = [];
  for await (const chunk of provider.stream(request, new AbortController().signal)) seen.push(chunk);
  return seen;
}

describe("loadOnFirstUse", () => {
  it("loads nothing when made, once at the first stream, and streams what the loaded provider streams", async () => {
    const load = vi.fn(async () => fixed(["[", "]"]));
    const provider = loadOnFirstUse("openai", "gpt-4.1-mini", load);
    expect(provider).toMatchObject({ name: "openai", model: "gpt-4.1-mini" });
    expect(load).not.toHaveBeenCalled();
    expect(await collect(provider)).toEqual(["[", "]"]);
    expect(await collect(provider)).toEqual(["[", "]"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("throws a failed load to that ranking, and tries again on the next", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("cannot load the SDK")).mockResolvedValueOnce(fixed(["[]"]));
    const provider = loadOnFirstUse("ai", "openai/gpt-4.1-mini", load);
    await expect(collect(provider)).rejects.toThrow("cannot load the SDK");
    expect(await collect(provider)).toEqual(["[]"]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("getProvider", () => {
  it("names the openai provider and its model before any SDK is loaded", () => {
    const provider = getProvider(readConfig({ OPENAI_API_KEY: "sk-test", OPENAI_MODEL: "gpt-4.1-mini" }));
    expect(provider).toMatchObject({ name: "openai", model: "gpt-4.1-mini" });
  });
});
