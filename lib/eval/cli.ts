import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { ConfigError, readConfig, type ProviderName } from "@/lib/config/env";
import { getProvider } from "@/lib/llm/provider";
import type { ModelProvider } from "@/lib/llm/types";
import { EvalSetError, parseEvalSet } from "./format";
import { priceOf, type Price } from "@/lib/llm/prices";
import { progressBar } from "./progress";
import { markdownReport } from "./report";
import { runEval, type EvalRun } from "./run-eval";
import { summarise, type EvalSummary } from "./summary";

// `npm run eval -- [--set FILE] [--provider simulated|openai|ai] [--model …] [--picks N|all] [--concurrency N]
// [--price IN,CACHED,OUT] [--out DIR]`: ranks every case of a set (EVALS.md), prints the tables, writes
// DIR/latest.json and DIR/latest.md. The provider is the flag's, else the simulated model: a key in the
// environment is used only when a real provider is asked for, so nobody pays by accident.

const USAGE = `usage: npm run eval -- [--set FILE] [--provider simulated|openai|ai] [--model NAME] [--picks N|all] [--concurrency N] [--price IN,CACHED,OUT] [--out DIR]
  --set FILE         an eval set, JSON Lines (default eval/sets/dev.jsonl)
  --provider P       simulated (default, offline), openai (OPENAI_API_KEY, OPENAI_BASE_URL) or ai (the Vercel AI SDK)
  --model NAME       openai: the model name (OPENAI_MODEL); ai: <provider>/<model> (AISLE_MODEL)
  --picks N|all      how many products the model picks with a reason (default AISLE_MODEL_PICKS, 24)
  --concurrency N    cases ranked at once (default 4)
  --price I,C,O      US dollars per million input, cached input and output tokens, for a model without a known price
  --out DIR          where latest.json and latest.md go (default eval-results)`;

export interface CliIo {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** Tests hand in a provider of their own (an AI SDK mock model, say). */
  provider?: ModelProvider;
}

export interface CliResult {
  code: number;
  run?: EvalRun;
  summary?: EvalSummary;
}

class UsageError extends Error {}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} must be a whole number of at least 1, got "${value}"`);
  return number;
}

function parsePrice(value: string): Price {
  const parts = value.split(",").map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part) || part < 0)) throw new UsageError(`--price must be IN,CACHED,OUT in dollars per million tokens, got "${value}"`);
  const [inputPerMillion = 0, cachedInputPerMillion = 0, outputPerMillion = 0] = parts;
  return { inputPerMillion, cachedInputPerMillion, outputPerMillion, source: "--price" };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.arch()}, Node ${process.version}`;
}

export async function evalMain(argv: readonly string[], io: CliIo): Promise<CliResult> {
  const say = (text = "") => io.stdout.write(`${text}\n`);
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        set: { type: "string" },
        provider: { type: "string" },
        model: { type: "string" },
        picks: { type: "string" },
        concurrency: { type: "string" },
        price: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return { code: 2 };
  }
  if (args.help) {
    say(USAGE);
    return { code: 0 };
  }

  try {
    // The flag, else an AISLE_PROVIDER set on purpose; never a key alone (nobody pays by accident).
    const providerName = (args.provider ?? io.env.AISLE_PROVIDER ?? "simulated") as ProviderName;
    if (!["simulated", "openai", "ai"].includes(providerName)) throw new UsageError(`--provider must be simulated, openai or ai, got "${args.provider}"`);
    if (args.model && providerName === "simulated") throw new UsageError("--model names a real model: use it with --provider openai or ai");
    const concurrency = args.concurrency ? positiveInteger(args.concurrency, "--concurrency") : 4;
    if (args.picks && args.picks !== "all") positiveInteger(args.picks, "--picks");

    // The simulated model answers at once unless its pace is set in the environment: its timings are not a model's.
    const instant = providerName === "simulated" && !io.env.AISLE_SIM_TTFT_MS && !io.env.AISLE_SIM_TOKENS_PER_SECOND;
    const config = readConfig({
      ...io.env,
      AISLE_PROVIDER: providerName,
      ...(args.model && providerName === "openai" ? { OPENAI_MODEL: args.model } : {}),
      ...(args.model && providerName === "ai" ? { AISLE_MODEL: args.model } : {}),
      ...(args.picks ? { AISLE_MODEL_PICKS: args.picks } : {}),
      ...(instant ? { AISLE_SIM_TTFT_MS: "0", AISLE_SIM_TOKENS_PER_SECOND: "100000" } : {}),
    });
    const provider = io.provider ?? getProvider(config);
    const price = args.price ? parsePrice(args.price) : priceOf(provider.name, provider.model);

    const file = resolve(io.cwd, args.set ?? "eval/sets/dev.jsonl");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read the set ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const setName = args.set ?? "eval/sets/dev.jsonl";
    const set = await parseEvalSet(text, setName, { products: PRODUCTS, categories: CATEGORIES, maxCandidates: config.maxCandidates });

    const progress = progressBar(io.stdout as NodeJS.WriteStream);
    const started = performance.now();
    progress.update(0, set.cases.length, "");
    const run = await runEval(set, {
      provider,
      picks: config.modelPicks,
      concurrency,
      firstItemTimeoutMs: config.firstItemTimeoutMs,
      stallTimeoutMs: config.stallTimeoutMs,
      price,
      catalog: { products: PRODUCTS, categories: CATEGORIES },
      onCase: (result, done, total) => progress.update(done, total, result.id),
    });
    const wallMs = performance.now() - started;
    progress.finish();

    const summary = summarise(run);
    const context = {
      machine: machine(),
      date: new Date().toISOString(),
      wallMs,
      paceNote: provider.name === "simulated" ? (instant ? "simulated model at full speed: its times are the pipeline's own" : "simulated model at its AISLE_SIM_* pace") : undefined,
    };
    const markdown = markdownReport(run, summary, context);
    say(markdown);
    if (!price) say(`No known price for ${provider.model}: pass --price IN,CACHED,OUT (dollars per million tokens) for the cost columns.`);

    const out = resolve(io.cwd, args.out ?? "eval-results");
    mkdirSync(out, { recursive: true });
    const json = { ...summary, file: basename(file), date: context.date, machine: context.machine, wallMs: Math.round(wallMs), price: price ?? null, results: run.results };
    writeFileSync(join(out, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(join(out, "latest.md"), markdown);
    say(`wrote ${join(args.out ?? "eval-results", "latest.json")} and latest.md`);
    return { code: 0, run, summary };
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n${USAGE}\n`);
      return { code: 2 };
    }
    if (error instanceof EvalSetError) {
      io.stderr.write(`${error.message}\n`);
      return { code: 2 };
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return { code: 2 };
    }
    throw error;
  }
}
