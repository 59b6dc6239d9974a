import { z } from "zod";

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(600_000).default(fallback);

const envSchema = z.object({
  AISLE_PROVIDER: z.enum(["openai", "simulated"]).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  AISLE_SIM_TTFT_MS: milliseconds(600),
  AISLE_SIM_TOKENS_PER_SECOND: z.coerce.number().positive().max(100_000).default(80),
  AISLE_MAX_CANDIDATES: z.coerce.number().int().min(1).max(1000).default(100),
  AISLE_FIRST_ITEM_TIMEOUT_MS: milliseconds(20_000),
  AISLE_STALL_TIMEOUT_MS: milliseconds(10_000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
  AISLE_DATA_DIR: z.string().min(1).default(".data/pglite"),
});

export interface AisleConfig {
  provider: "openai" | "simulated";
  openai: { apiKey: string | undefined; baseURL: string | undefined; model: string };
  simulated: { ttftMs: number; tokensPerSecond: number };
  maxCandidates: number;
  firstItemTimeoutMs: number;
  stallTimeoutMs: number;
  /** PostgreSQL when set; else embedded PGlite in `dataDir` ("memory://" keeps it in memory). */
  database: { url: string | undefined; dataDir: string };
}

/** Reads the configuration from an environment (DESIGN §4); throws one clear message naming every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): AisleConfig {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid Aisle configuration: ${problems}`);
  }
  const e = parsed.data;
  const provider = e.AISLE_PROVIDER ?? (e.OPENAI_API_KEY ? "openai" : "simulated");
  if (provider === "openai" && !e.OPENAI_API_KEY) {
    throw new Error("Invalid Aisle configuration: AISLE_PROVIDER=openai needs OPENAI_API_KEY (any value for a local server)");
  }
  return {
    provider,
    openai: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
    simulated: { ttftMs: e.AISLE_SIM_TTFT_MS, tokensPerSecond: e.AISLE_SIM_TOKENS_PER_SECOND },
    maxCandidates: e.AISLE_MAX_CANDIDATES,
    firstItemTimeoutMs: e.AISLE_FIRST_ITEM_TIMEOUT_MS,
    stallTimeoutMs: e.AISLE_STALL_TIMEOUT_MS,
    database: { url: e.DATABASE_URL, dataDir: e.AISLE_DATA_DIR },
  };
}

let cached: AisleConfig | undefined;

/** The server's configuration, read once. */
export function getConfig(): AisleConfig {
  cached ??= readConfig();
  return cached;
}
