import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { progressBar } from "@/lib/eval/progress";
import { textReport } from "./report";
import { runSimulation, SimulationError, type SimulationResult } from "./simulation";

// `npm run simulate -- --url URL --shoppers N [--seed S] [--concurrency C] [--max-seconds T] [--token T] [--json FILE]`
// Exit 0 when the run is sound, 1 when more than 1% of visits failed or /api/insights could not be read,
// 2 for a usage error.

const USAGE = `usage: npm run simulate -- --url URL --shoppers N [--seed S] [--concurrency C] [--max-seconds T] [--token TOKEN] [--json FILE]
  --url URL          the running store (the only origin ever requested)
  --shoppers N       simulated shoppers, 1 to 100000, each one visit with a fresh browser
  --seed S           seed of the population's draws and the shoppers' decisions (default 1)
  --concurrency C    visits at once (default 8)
  --max-seconds T    start no visit after T seconds (default 900)
  --token TOKEN      admin token for /api/insights (default: AISLE_ADMIN_TOKEN)
  --json FILE        also write the whole result as JSON`;

export interface SimulateIo {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

class UsageError extends Error {}

function whole(value: string | undefined, flag: string, min: number, max: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`${flag} is required`);
    return fallback;
  }
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
}

export async function simulateMain(argv: readonly string[], io: SimulateIo): Promise<{ code: number; result?: SimulationResult }> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        url: { type: "string" },
        shoppers: { type: "string" },
        seed: { type: "string" },
        concurrency: { type: "string" },
        "max-seconds": { type: "string" },
        token: { type: "string" },
        json: { type: "string" },
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
    io.stdout.write(`${USAGE}\n`);
    return { code: 0 };
  }
  try {
    if (!args.url) throw new UsageError("--url is required");
    let url: URL;
    try {
      url = new URL(args.url);
    } catch {
      throw new UsageError(`--url must be a URL, got "${args.url}"`);
    }
    const maxSeconds = args["max-seconds"] === undefined ? 900 : Number(args["max-seconds"]);
    if (!Number.isFinite(maxSeconds) || maxSeconds <= 0) throw new UsageError(`--max-seconds must be a positive number, got "${args["max-seconds"]}"`);
    const options = {
      url: url.href,
      shoppers: whole(args.shoppers, "--shoppers", 1, 100_000),
      seed: whole(args.seed, "--seed", 0, 2 ** 31 - 1, 1),
      concurrency: whole(args.concurrency, "--concurrency", 1, 256, 8),
      maxSeconds,
      token: args.token ?? io.env.AISLE_ADMIN_TOKEN,
    };
    const progress = progressBar(io.stdout as NodeJS.WriteStream);
    progress.update(0, options.shoppers, "");
    let result: SimulationResult;
    try {
      result = await runSimulation({ ...options, onProgress: (done, total, label) => progress.update(done, total, label) });
    } finally {
      progress.finish();
    }
    io.stdout.write(`${textReport(result)}\n`);
    if (args.json) {
      const file = resolve(io.cwd, args.json);
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      io.stdout.write(`wrote ${args.json}\n`);
    }
    return { code: result.ok ? 0 : 1, result };
  } catch (error) {
    if (error instanceof UsageError || error instanceof SimulationError) {
      io.stderr.write(`${error.message}\n${USAGE}\n`);
      return { code: 2 };
    }
    throw error;
  }
}
