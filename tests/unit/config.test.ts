import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "@/lib/config/env";

describe("readConfig", () => {
  it("uses the simulated model with no key, and the documented defaults", () => {
    expect(readConfig({})).toEqual({
      provider: "simulated",
      openai: { apiKey: undefined, baseURL: undefined, model: "gpt-4.1-mini" },
      ai: undefined,
      modelPicks: 24,
      simulated: { ttftMs: 600, tokensPerSecond: 80 },
      maxCandidates: 100,
      attributionHours: 24,
      adminToken: undefined,
      firstItemTimeoutMs: 20_000,
      stallTimeoutMs: 10_000,
      limits: { rankingsPerMinute: 20, maxModelStreams: 32, trustedProxies: 0 },
      database: { url: undefined, dataDir: ".data/pglite" },
    });
  });

  it("reads the attribution window and the operator's token, and refuses a window that is not a positive number of hours", () => {
    expect(readConfig({ AISLE_ATTRIBUTION_HOURS: "2.5", AISLE_ADMIN_TOKEN: "t" })).toMatchObject({ attributionHours: 2.5, adminToken: "t" });
    expect(() => readConfig({ AISLE_ATTRIBUTION_HOURS: "0" })).toThrow(/AISLE_ATTRIBUTION_HOURS/);
    expect(() => readConfig({ AISLE_ATTRIBUTION_HOURS: "a day" })).toThrow(/AISLE_ATTRIBUTION_HOURS/);
  });

  it("uses PostgreSQL when DATABASE_URL is set, and refuses a URL that is not postgres", () => {
    expect(readConfig({ DATABASE_URL: "postgres://aisle@127.0.0.1:5433/aisle" }).database.url).toBe("postgres://aisle@127.0.0.1:5433/aisle");
    expect(() => readConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("uses openai when a key is set, and honours AISLE_PROVIDER over it", () => {
    expect(readConfig({ OPENAI_API_KEY: "k" }).provider).toBe("openai");
    expect(readConfig({ OPENAI_API_KEY: "k", AISLE_PROVIDER: "simulated" }).provider).toBe("simulated");
    expect(readConfig({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://localhost:11434/v1", OPENAI_MODEL: "llama3.2" }).openai).toEqual({
      apiKey: "k",
      baseURL: "http://localhost:11434/v1",
      model: "llama3.2",
    });
  });

  it("reads the picks count, a number or all", () => {
    expect(readConfig({ AISLE_MODEL_PICKS: "all" }).modelPicks).toBe("all");
    expect(readConfig({ AISLE_MODEL_PICKS: "12" }).modelPicks).toBe(12);
    expect(() => readConfig({ AISLE_MODEL_PICKS: "0" })).toThrow(/AISLE_MODEL_PICKS/);
    expect(() => readConfig({ AISLE_MODEL_PICKS: "some" })).toThrow(/AISLE_MODEL_PICKS/);
  });

  it("uses the AI SDK with AISLE_PROVIDER=ai and a <provider>/<model>", () => {
    const config = readConfig({ AISLE_PROVIDER: "ai", AISLE_MODEL: "anthropic/claude-haiku-4-5", ANTHROPIC_API_KEY: "a" });
    expect(config.provider).toBe("ai");
    expect(config.ai).toEqual({ model: "anthropic/claude-haiku-4-5", keys: { anthropic: "a" }, baseURL: undefined });
    expect(() => readConfig({ AISLE_PROVIDER: "ai" })).toThrow(/needs AISLE_MODEL/);
    expect(() => readConfig({ AISLE_PROVIDER: "ai", AISLE_MODEL: "claude" })).toThrow(/AISLE_MODEL/);
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ OPENAI_API_KEY: "", AISLE_SIM_TTFT_MS: "" })).toMatchObject({ provider: "simulated", simulated: { ttftMs: 600 } });
  });

  it("names every bad variable in one clear error", () => {
    const error = (() => {
      try {
        readConfig({ AISLE_SIM_TTFT_MS: "soon", AISLE_MAX_CANDIDATES: "0", AISLE_PROVIDER: "gemini" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const { message } = error as ConfigError;
    expect(message).toMatch(/^Invalid Aisle configuration: /);
    for (const name of ["AISLE_SIM_TTFT_MS", "AISLE_MAX_CANDIDATES", "AISLE_PROVIDER"]) expect(message).toContain(name);
    // Only the bad ones: nothing else is blamed.
    expect(message.match(/[A-Z][A-Z_]+[A-Z]/g)?.sort()).toEqual(["AISLE_MAX_CANDIDATES", "AISLE_PROVIDER", "AISLE_SIM_TTFT_MS"]);
    expect(() => readConfig({ AISLE_PROVIDER: "openai" })).toThrow(/needs OPENAI_API_KEY/);
    expect(() => readConfig({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
  });
});
