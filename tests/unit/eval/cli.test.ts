import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { evalMain, type CliIo } from "@/lib/eval/cli";
import { createAiSdkProvider } from "@/lib/llm/ai-sdk/provider";
import { fakeOpenAIServerPerFile } from "@/tests/support/fake-openai-server-per-file";

// `npm run eval` as a developer runs it (EVALS.md): the dev set with the simulated model, any set with --set, a
// real provider against the local fake OpenAI server, and the AI SDK's mock model.

const server = fakeOpenAIServerPerFile();

function io(env: Record<string, string | undefined> = {}, provider?: CliIo["provider"]) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { env, cwd: process.cwd(), stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, provider } satisfies CliIo,
    out: () => out.join(""),
    err: () => err.join(""),
  };
}
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "aisle-eval-"));

// The embedded ranker's NDCG@5 per weakness on the dev set before it was reworked (EVALS.md): each must stay beaten.
const BEFORE = { "search-word": 0.943, gift: 0.118, typo: 0.918, "live-signals": 0.461, cart: 0.553, dislikes: 0.894, price: 0.896 };

const smallSet = [
  { id: "books", shopper: { recentPurchases: [], browsedCategories: ["Books"], ratings: {}, searchHistory: ["fantasy series"], preferredBrands: [], dislikedBrands: [], loyaltyStatus: "Standard", averageMonthlySpend: 60, preferredShoppingTimes: "Evenings" }, candidates: { category: "books" }, relevance: { "21": 3, "22": 3, "19": 1 } },
  { id: "mats", shopper: { recentPurchases: [], browsedCategories: ["Fitness"], ratings: {}, searchHistory: ["yoga mat"], preferredBrands: [], dislikedBrands: [], loyaltyStatus: "Standard", averageMonthlySpend: 100, preferredShoppingTimes: "Mornings" }, candidates: ["6", "27", "28", "33"], relevance: { "28": 3, "27": 2, "6": 2 } },
];
function writeSet(dir: string): string {
  const file = path.join(dir, "small.jsonl");
  writeFileSync(file, `${smallSet.map((entry) => JSON.stringify(entry)).join("\n")}\n`);
  return file;
}

describe("npm run eval", () => {
  it("ranks the dev set with the simulated model, prints the table and writes latest.json as DESIGN §8 says", async () => {
    const out = tempDir();
    const run = io();
    const result = await evalMain(["--out", out], run.io);
    expect(result.code).toBe(0);
    expect(run.out()).toContain("## Overall");
    expect(run.out()).toContain("| popular order |");
    const written = JSON.parse(readFileSync(path.join(out, "latest.json"), "utf8")) as {
      set: string;
      cases: number;
      systems: Record<"model" | "embedded" | "popular", Record<string, number>>;
      results: unknown[];
    };
    expect(written.set).toBe("eval/sets/dev.jsonl");
    expect(written.cases).toBeGreaterThanOrEqual(40);
    expect(written.results).toHaveLength(written.cases);
    for (const system of ["model", "embedded", "popular"] as const) {
      for (const metric of ["ndcg@5", "ndcg@10", "precision@5"]) expect(written.systems[system][metric]).toEqual(expect.any(Number));
    }
    expect(readFileSync(path.join(out, "latest.md"), "utf8")).toContain("## Per case");
  });

  it("holds the embedded ranker ≥ 0.15 NDCG@5 above the popular order on the dev set, and above its old figure on every weakness", async () => {
    const result = await evalMain(["--out", tempDir()], io().io);
    const { embedded, popular } = result.summary?.systems ?? {};
    expect((embedded?.["ndcg@5"] ?? 0) - (popular?.["ndcg@5"] ?? 0)).toBeGreaterThanOrEqual(0.15);
    const groups = new Map(result.summary?.groups.map((group) => [group.group, group["ndcg@5"].embedded]));
    for (const [weakness, before] of Object.entries(BEFORE)) expect(groups.get(weakness), weakness).toBeGreaterThan(before);
  });

  it("holds the embedded ranker to NDCG@5 ≥ 0.80 on the holdout set, which it was not tuned on", async () => {
    const result = await evalMain(["--set", "eval/sets/holdout.jsonl", "--out", tempDir()], io().io);
    expect(result.summary?.systems.embedded["ndcg@5"]).toBeGreaterThanOrEqual(0.8);
  });

  it("holds the store's search on the search set to DESIGN §7: no zero results, recall@24 ≥ 0.90, NDCG@10 ≥ 0.75", async () => {
    const result = await evalMain(["--set", "eval/sets/search.jsonl", "--out", tempDir()], io().io);
    expect(result.summary?.cases).toBeGreaterThanOrEqual(40);
    expect(result.summary?.zeroResults).toBe(0);
    // The simulated model's order is the embedded ranker's: what the API serves for these searches.
    expect(result.summary?.systems.model["recall@24"]).toBeGreaterThanOrEqual(0.9);
    expect(result.summary?.systems.model["ndcg@10"]).toBeGreaterThanOrEqual(0.75);
  });

  it("runs any set given with --set, and refuses a bad one naming the line", async () => {
    const dir = tempDir();
    const good = io();
    expect((await evalMain(["--set", writeSet(dir), "--out", dir], good.io)).code).toBe(0);
    expect(good.out()).toContain("— 2 cases");

    const bad = path.join(dir, "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify(smallSet[0])}\n{"id": "x"}\n`);
    const refused = io();
    expect((await evalMain(["--set", bad, "--out", dir], refused.io)).code).toBe(2);
    expect(refused.err()).toMatch(/line 2: case "x": candidates/);
  });

  it("ranks with the openai provider against an OpenAI-compatible server, with tokens and cost", async () => {
    server.setScenario({ kind: "rank", reverse: true, gapMs: 0, firstDelayMs: 0, usage: { prompt_tokens: 1000, completion_tokens: 100, cached_tokens: 512 } });
    const dir = tempDir();
    const run = io({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.url });
    const result = await evalMain(["--set", writeSet(dir), "--provider", "openai", "--model", "fake-eval", "--picks", "all", "--price", "0.4,0.1,1.6", "--out", dir], run.io);
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    const model = result.summary?.systems.model;
    expect(model).toMatchObject({ provider: "openai", model: "fake-eval", outcomes: { complete: 2 }, tokens: { input: 2000, cachedInput: 1024, output: 200 } });
    // (488 × 0.4 + 512 × 0.1 + 100 × 1.6) / 1e6 per ranking
    expect(model?.cost?.perRanking).toBeCloseTo(0.0004064, 9);
    // The fake ranks the candidates in reverse canonical order: the mats case gets 33, 28, 27, 6.
    expect(result.run?.results[1]?.scores.model.top).toEqual(["33", "28", "27", "6"]);
  });

  it("ranks with the ai provider (the AI SDK), here its mock model", async () => {
    const model = new MockLanguageModelV4({
      provider: "mock",
      modelId: "mock-ranker",
      doStream: async ({ prompt }) => {
        const text = JSON.stringify(prompt);
        const ids = [...text.matchAll(/\{\\+"id\\+":\\+"(\d+)\\+"/g)].map((match) => match[1] as string);
        const answer = JSON.stringify({ products: ids.map((id) => ({ id, reason: "Mock pick." })) });
        return {
          stream: new ReadableStream({
            start(controller) {
              controller.enqueue({ type: "stream-start", warnings: [] });
              controller.enqueue({ type: "text-start", id: "t" });
              controller.enqueue({ type: "text-delta", id: "t", delta: answer });
              controller.enqueue({ type: "text-end", id: "t" });
              controller.enqueue({ type: "finish", usage: { inputTokens: { total: 500, noCache: 500, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 50, text: 50, reasoning: undefined } }, finishReason: { unified: "stop", raw: "stop" } });
              controller.close();
            },
          }),
        };
      },
    });
    const provider = createAiSdkProvider({ model: "openai/mock-ranker", keys: {}, baseURL: undefined }, model);
    const dir = tempDir();
    const result = await evalMain(["--set", writeSet(dir), "--provider", "ai", "--model", "openai/mock-ranker", "--out", dir], io({}, provider).io);
    expect(result.code).toBe(0);
    expect(result.summary?.systems.model).toMatchObject({ provider: "ai", outcomes: { complete: 2 }, tokens: { input: 1000, output: 100 } });
    // The mock ranks in the prompt's canonical order: the mats case gets 6, 27, 28, 33.
    expect(result.run?.results[1]?.scores.model.top).toEqual(["6", "27", "28", "33"]);
  });

  it("says what is wrong with its arguments", async () => {
    const run = io();
    expect((await evalMain(["--provider", "nope"], run.io)).code).toBe(2);
    expect(run.err()).toContain("--provider must be simulated, openai or ai");
    const keyless = io();
    expect((await evalMain(["--provider", "openai"], keyless.io)).code).toBe(2);
    expect(keyless.err()).toContain("OPENAI_API_KEY");
  });
});
