/**
 * A local, dependency-free fake of the OpenAI Chat Completions API.
 *
 * Tests start it themselves (in-process via `startFakeOpenAIServer`, or as a
 * separate process for Playwright: `node tests/support/fake-openai-server.ts --port 4010`)
 * so no test ever talks to a real endpoint. Scenarios script what the "model" does:
 * stream chunks with delays, stall, fail with a status, send garbage, or rank the
 * candidate ids found in the request's JSON schema (or, without one, in the prompt).
 * Like many OpenAI-compatible servers it can refuse features (`refuse`) with a 400,
 * and it reports usage in a final chunk when asked (`stream_options.include_usage`).
 * A `mixed` scenario answers most requests one way and every n-th another (a hostile model among
 * healthy ones), and the server counts the responses open at once (`openResponses`, `peakOpenResponses`).
 *
 * Only erasable TypeScript syntax is used so Node 24 can run this file directly. This file is the entry and
 * the CLI; the scenario language is in fake-openai/api.ts, the server in fake-openai/server.ts, answering a
 * chat completion in fake-openai/completions.ts and writers.ts.
 */
import { pathToFileURL } from "node:url";
import { DEFAULT_SCENARIO, type FakeOpenAIServerOptions, REFUSALS, type Refusal, type Scenario } from "./fake-openai/api.ts";
import { isScenario, parseJson, startFakeOpenAIServer } from "./fake-openai/server.ts";

export { startFakeOpenAIServer } from "./fake-openai/server.ts";
export type { FakeOpenAIServer, FakeOpenAIServerOptions, FakeUsage, MixedScenario, PlainScenario, RecordedRequest, Refusal, Scenario, SlowDown } from "./fake-openai/api.ts";

// ---------------------------------------------------------------------------
// CLI: node tests/support/fake-openai-server.ts --port 4010 [--host 127.0.0.1] [--scenario rank|<json>]
//      [--refuse json_schema,prompt_cache_key]
// ---------------------------------------------------------------------------

function parseCliArgs(argv: string[]): FakeOpenAIServerOptions {
  const options: FakeOpenAIServerOptions = { port: 4010, host: "127.0.0.1", scenario: DEFAULT_SCENARIO };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? "").split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`Missing value for ${flag}`);
    if (flag === "--port") options.port = Number(value);
    else if (flag === "--host") options.host = value;
    else if (flag === "--scenario") options.scenario = parseCliScenario(value);
    else if (flag === "--refuse") options.refuse = parseCliRefusals(value);
    else throw new Error(`Unknown option ${flag}`);
  }
  return options;
}

function parseCliScenario(value: string): Scenario {
  if (value === "rank") return { kind: "rank" };
  const parsed = parseJson(value);
  if (!parsed.ok || !isScenario(parsed.value)) throw new Error(`--scenario must be "rank" or Scenario JSON, got: ${value}`);
  return parsed.value;
}

function parseCliRefusals(value: string): Refusal[] {
  const refusals = value.split(",").map((name) => name.trim()).filter((name) => name !== "");
  const unknown = refusals.filter((name) => !(REFUSALS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--refuse takes ${REFUSALS.join(", ")}; got: ${unknown.join(", ")}`);
  return refusals as Refusal[];
}

async function runCli(): Promise<void> {
  const server = await startFakeOpenAIServer(parseCliArgs(process.argv.slice(2)));
  console.log(`fake-openai listening on ${server.url}`);
  const shutdown = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  runCli().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
