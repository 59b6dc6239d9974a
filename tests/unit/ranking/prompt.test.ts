import { describe, expect, it } from "vitest";
import { buildRankingMessages } from "@/lib/ranking/pipeline/prompt";
import { input, product } from "@/tests/support/fixtures";

// What the model is told about each candidate (lib/ranking/pipeline/prompt.ts).

describe("the prompt's candidates", () => {
  it("leaves out the rating of a product nobody has rated yet, which a model would read as the worst", () => {
    const ranking = { ...input(0), candidates: [product("1"), product("2", { rating: 0, reviewCount: 0 })] };
    const prompt = buildRankingMessages(ranking, 2)
      .map((message) => message.content)
      .join("\n");
    const line = (id: string) => prompt.split("\n").find((text) => text.startsWith(`{"id":"${id}"`)) ?? "";
    expect(line("1")).toContain('"rating":4');
    expect(line("2")).not.toContain("rating");
  });
});
