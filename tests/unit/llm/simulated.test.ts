import { describe, expect, it } from "vitest";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { PROFILES } from "@/lib/shoppers/data/profiles";
import { NO_SIGNALS, type LiveSignals, type ShopperProfile } from "@/lib/shoppers/types";
import { createSimulatedProvider, simulatedAnswer } from "@/lib/llm/simulated/provider";
import { buildRankingRequest } from "@/lib/ranking/pipeline/rank-products";
import { JsonArrayScanner } from "@/lib/stream/json-array-scanner";

const seedTen = PRODUCTS.filter((product) => Number(product.id) <= 10);
const profile = (id: string) => PROFILES.find((shopper) => shopper.id === id) as ShopperProfile;
const seedShopper = profile("12345");

function rankedIds(shopper: ShopperProfile, candidates = PRODUCTS, signals: LiveSignals = NO_SIGNALS) {
  const answer = JSON.parse(simulatedAnswer(buildRankingRequest({ shopper, signals, candidates }))) as { products: { id: string; reason: string }[] };
  return answer.products;
}

describe("the simulated ranker", () => {
  it("ranks the MacBook Air first among the seed's ten for shopper 12345", () => {
    const ranked = rankedIds(seedShopper, seedTen);
    expect(ranked[0]?.id).toBe("1");
    expect(ranked[0]?.reason).toMatch(/Apple|laptop/i);
  });

  it("puts the MacBook Air ahead of the seed's other nine over the whole catalog", () => {
    const seedOrder = rankedIds(seedShopper).map((item) => item.id).filter((id) => Number(id) <= 10);
    expect(seedOrder[0]).toBe("1");
  });

  it("ranks every candidate exactly once, each with a specific reason of at most 280 characters", () => {
    // The loops below run: every demo shopper, over the whole catalog.
    expect(PROFILES.length).toBeGreaterThanOrEqual(6);
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(60);
    for (const shopper of PROFILES) {
      const ranked = rankedIds(shopper);
      expect(ranked.map((item) => item.id).sort()).toEqual(PRODUCTS.map((product) => product.id).sort());
      for (const item of ranked) {
        expect(item.reason.trim().length).toBeGreaterThan(0);
        expect(item.reason.length).toBeLessThanOrEqual(280);
      }
    }
  });

  it("is deterministic for the same inputs", () => {
    // Two requests built apart from equal copies: nothing may hang on one object, its identity or a first call.
    const build = () =>
      buildRankingRequest({ shopper: structuredClone(seedShopper), signals: structuredClone(NO_SIGNALS), candidates: structuredClone([...PRODUCTS]) });
    const [first, second] = [build(), build()];
    expect(first).not.toBe(second);
    expect(first.candidates).not.toBe(second.candidates);
    expect(simulatedAnswer(first)).toBe(simulatedAnswer(second));
  });

  it("gives different shoppers different orders", () => {
    const tops = new Set(PROFILES.map((shopper) => rankedIds(shopper).slice(0, 5).map((item) => item.id).join(",")));
    expect(tops.size).toBe(PROFILES.length);
  });

  it("ranks disliked brands below liked ones for the seed shopper", () => {
    const order = rankedIds(seedShopper).map((item) => PRODUCTS.find((product) => product.id === item.id)?.brand);
    const lastLiked = Math.max(...["Apple", "AllBirds", "Bench"].map((brand) => order.indexOf(brand)));
    const firstDisliked = Math.min(...["Philips", "Adidas"].map((brand) => order.indexOf(brand)).filter((index) => index >= 0));
    expect(lastLiked).toBeLessThan(firstDisliked);
  });

  it("lets the cart change the picks, and says so", () => {
    const macbook = PRODUCTS.find((product) => product.id === "1");
    if (!macbook) throw new Error("seed product 1 missing");
    const cart = [{ id: macbook.id, name: macbook.name, brand: macbook.brand, kind: macbook.kind, category: macbook.category }];
    const withCart = rankedIds(seedShopper, PRODUCTS, { ...NO_SIGNALS, cart });
    expect(withCart.map((item) => item.id)).not.toEqual(rankedIds(seedShopper).map((item) => item.id));
    expect(withCart[0]?.id).not.toBe("1");
    expect(withCart.some((item) => item.reason.toLowerCase().includes(`goes with the ${macbook.name.toLowerCase()} in your cart`))).toBe(true);
  });

  it("writes the answer as the openai provider would receive it, token by token at the configured pace", async () => {
    const request = buildRankingRequest({ shopper: seedShopper, signals: NO_SIGNALS, candidates: seedTen });
    const provider = createSimulatedProvider({ ttftMs: 30, tokensPerSecond: 2000 });
    const chunks: string[] = [];
    let usage: unknown;
    for await (const chunk of provider.stream(request, new AbortController().signal)) {
      if (typeof chunk === "string") chunks.push(chunk);
      else usage = chunk.usage;
    }
    expect(chunks.join("")).toBe(simulatedAnswer(request));
    // Its usage report counts its own tokens: four characters each.
    expect(usage).toEqual({ inputTokens: expect.any(Number), cachedInputTokens: null, outputTokens: Math.ceil(chunks.join("").length / 4) });
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((chunk) => chunk.length % 4 === 0 || chunk === chunks.at(-1))).toBe(true);
    const scanner = new JsonArrayScanner();
    expect(chunks.flatMap((chunk) => scanner.push(chunk))).toHaveLength(10);
  });

  it("stops writing when its signal aborts", async () => {
    const request = buildRankingRequest({ shopper: seedShopper, signals: NO_SIGNALS, candidates: PRODUCTS });
    const provider = createSimulatedProvider({ ttftMs: 0, tokensPerSecond: 200 });
    const controller = new AbortController();
    const chunks: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of provider.stream(request, controller.signal)) {
          chunks.push(typeof chunk === "string" ? chunk : "");
          if (chunks.join("").length > 40) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: "AbortError" });
    // Nothing after the abort: the last chunk read is the one that took the text past 40 characters.
    expect(chunks.slice(0, -1).join("").length).toBeLessThanOrEqual(40);
    expect(chunks.join("").length).toBeGreaterThan(40);
    expect(chunks.join("").length).toBeLessThan(simulatedAnswer(request).length);
  });
});
