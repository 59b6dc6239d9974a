import { z } from "zod";
import { experimentSchema, type Experiment } from "@/lib/experiments/experiment";

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(600_000).default(fallback);
const key = z.string().min(1).optional();

const envSchema = z.object({
  AISLE_PROVIDER: z.enum(["openai", "ai", "simulated"]).optional(),
  OPENAI_API_KEY: key,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  AISLE_MODEL: z
    .string()
    .regex(/^[a-z0-9-]+\/.+$/, "must be <provider>/<model>, e.g. openai/gpt-4.1-mini or anthropic/claude-haiku-4-5")
    .optional(),
  ANTHROPIC_API_KEY: key,
  GOOGLE_GENERATIVE_AI_API_KEY: key,
  AI_GATEWAY_API_KEY: key,
  AISLE_MODEL_PICKS: z
    .union([z.literal("all"), z.coerce.number().int().min(1, "must be at least 1 (or all)").max(1000)])
    .default(24),
  AISLE_SIM_TTFT_MS: milliseconds(600),
  AISLE_SIM_TOKENS_PER_SECOND: z.coerce.number().positive().max(100_000).default(80),
  AISLE_MAX_CANDIDATES: z.coerce.number().int().min(1).max(1000).default(100),
  AISLE_FIRST_ITEM_TIMEOUT_MS: milliseconds(20_000),
  AISLE_STALL_TIMEOUT_MS: milliseconds(10_000),
  AISLE_RANKINGS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  AISLE_MAX_MODEL_STREAMS: z.coerce.number().int().min(1).max(10_000).default(32),
  AISLE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
  AISLE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  AISLE_EXPERIMENT: experimentSchema.optional(),
  AISLE_ATTRIBUTION_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  AISLE_ADMIN_TOKEN: z.string().min(1).max(512).optional(),
});

export type ProviderName = "openai" | "ai" | "simulated";

export interface AiSdkConfig {
  /** `<provider>/<model>` (docs/architecture.md §2). */
  model: string;
  /** The providers' own keys: a provider whose key is set is called direct, else through the AI Gateway. */
  keys: { openai?: string; anthropic?: string; google?: string; gateway?: string };
  /** Where `openai-compatible/<model>` goes. */
  baseURL: string | undefined;
}

export interface AisleConfig {
  provider: ProviderName;
  openai: { apiKey: string | undefined; baseURL: string | undefined; model: string };
  /** Set when the provider is `ai`. */
  ai: AiSdkConfig | undefined;
  simulated: { ttftMs: number; tokensPerSecond: number };
  /** How many candidates the model picks, each with a reason; "all" = every candidate. */
  modelPicks: number | "all";
  maxCandidates: number;
  /** AISLE_EXPERIMENT: how shoppers are split between arms; undefined: everyone gets the model. */
  experiment: Experiment | undefined;
  /** AISLE_ATTRIBUTION_HOURS: how long after a card is opened an order of its product counts for that ranking. */
  attributionHours: number;
  /** AISLE_ADMIN_TOKEN: the bearer token of /insights and /api/insights; undefined: neither exists. */
  adminToken: string | undefined;
  firstItemTimeoutMs: number;
  stallTimeoutMs: number;
  limits: {
    /** Fresh model rankings one client may start a minute (replays are free). */
    rankingsPerMinute: number;
    /** Model requests this process keeps open at once. */
    maxModelStreams: number;
    /** Reverse proxies in front of Aisle that append to X-Forwarded-For (0: trust none of it). */
    trustedProxies: number;
  };
  /** PostgreSQL when set; else embedded PGlite in `dataDir` ("memory://" keeps it in memory). */
  database: { url: string | undefined; dataDir: string };
}

/** A configuration that cannot work: its message names every bad variable. */
export class ConfigError extends Error {
  constructor(problem: string) {
    super(`Invalid Aisle configuration: ${problem}`);
    this.name = "ConfigError";
  }
}

function invalid(problem: string): ConfigError {
  return new ConfigError(problem);
}

/** Reads the configuration from an environment (docs/architecture.md §2); throws one clear message naming every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): AisleConfig {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  }
  const e = parsed.data;
  const provider = e.AISLE_PROVIDER ?? (e.OPENAI_API_KEY ? "openai" : "simulated");
  if (provider === "openai" && !e.OPENAI_API_KEY) {
    throw invalid("AISLE_PROVIDER=openai needs OPENAI_API_KEY (any value for a local server)");
  }
  if (provider === "ai" && !e.AISLE_MODEL) {
    throw invalid("AISLE_PROVIDER=ai needs AISLE_MODEL=<provider>/<model>, e.g. openai/gpt-4.1-mini");
  }
  const ai: AiSdkConfig | undefined =
    provider === "ai" && e.AISLE_MODEL
      ? {
          model: e.AISLE_MODEL,
          keys: { openai: e.OPENAI_API_KEY, anthropic: e.ANTHROPIC_API_KEY, google: e.GOOGLE_GENERATIVE_AI_API_KEY, gateway: e.AI_GATEWAY_API_KEY },
          baseURL: e.OPENAI_BASE_URL,
        }
      : undefined;
  return {
    provider,
    openai: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
    ai,
    simulated: { ttftMs: e.AISLE_SIM_TTFT_MS, tokensPerSecond: e.AISLE_SIM_TOKENS_PER_SECOND },
    modelPicks: e.AISLE_MODEL_PICKS,
    maxCandidates: e.AISLE_MAX_CANDIDATES,
    experiment: e.AISLE_EXPERIMENT,
    attributionHours: e.AISLE_ATTRIBUTION_HOURS,
    adminToken: e.AISLE_ADMIN_TOKEN,
    firstItemTimeoutMs: e.AISLE_FIRST_ITEM_TIMEOUT_MS,
    stallTimeoutMs: e.AISLE_STALL_TIMEOUT_MS,
    limits: { rankingsPerMinute: e.AISLE_RANKINGS_PER_MINUTE, maxModelStreams: e.AISLE_MAX_MODEL_STREAMS, trustedProxies: e.AISLE_TRUSTED_PROXIES },
    database: { url: e.DATABASE_URL, dataDir: e.AISLE_DATA_DIR },
  };
}

let cached: AisleConfig | undefined;

/** The server's configuration, read once. */
export function getConfig(): AisleConfig {
  cached ??= readConfig();
  return cached;
}
