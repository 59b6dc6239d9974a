import type { IncomingMessage, ServerResponse } from "node:http";
import { type AnsweringOptions, DEFAULT_MODEL, DEFAULT_REASON, type FakeUsage, type PlainScenario, REFUSALS, type RecordedRequest, type Refusal, type SlowDown } from "./api.ts";
import { type ProductsScanner, createProductsScanner } from "./products-scanner.ts";
import { type ServerState, now, parseJson, readBody, sendError, sendJson } from "./server.ts";
import { answerWhole, streamCompletion } from "./writers.ts";

// Chat completions: record the request, pick the scenario, refuse or plan the answer (ranked ids, usage, pace).

/** Everything needed to answer one request, independent of the scenario kind. */
export interface CompletionPlan {
  pieces: string[];
  firstDelayMs: number;
  gapMs: number;
  stallAfter?: number;
  slowAfter?: SlowDown;
  endWithoutDone: boolean;
  /** the request's size in tokens, roughly: the default `prompt_tokens` */
  promptTokens: number;
  /** the usage report to end the stream with; null: none */
  usage: { figures: FakeUsage; onFinishChunk: boolean } | null;
}

/** Per-response context shared by the writers. */
export interface ResponseContext {
  res: ServerResponse;
  record: RecordedRequest;
  scanner: ProductsScanner;
  id: string;
  model: string;
  created: number;
  /** the content written so far: the default `completion_tokens` */
  written: string;
}

let completionCounter = 0;

export async function handleChatCompletions(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  countOpen(state, res);
  const text = await readBody(req);
  const parsed = parseJson(text);
  const record = recordRequest(state, req, res, parsed.ok ? parsed.value : text);

  if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
    return sendError(res, 400, "We could not parse the JSON body of your request.", "invalid_request_error");
  }
  const body = parsed.value as { model?: unknown; stream?: unknown };
  const scenario = chooseScenario(state, req, text, record);

  // A server validates the request before it does anything else.
  const refusal = findRefusal(body, [...state.refuse, ...("refuse" in scenario ? (scenario.refuse ?? []) : [])]);
  if (refusal) return sendRefusal(res, refusal);

  if (scenario.kind === "status") return sendStatusScenario(res, scenario);
  if (scenario.kind === "garbage") {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    return void res.end(scenario.text);
  }

  const plan = scenario.kind === "rank" ? planRank(scenario, body, text) : planStream(scenario, body, text);
  if (typeof plan === "string") return sendError(res, 400, plan, "invalid_request_error");

  const ctx: ResponseContext = {
    res,
    record,
    scanner: createProductsScanner(),
    id: `chatcmpl-fake-${++completionCounter}`,
    model: typeof body.model === "string" ? body.model : DEFAULT_MODEL,
    created: Math.floor(Date.now() / 1000),
    written: "",
  };
  if (body.stream === true) streamCompletion(state, ctx, plan);
  else answerWhole(state, ctx, plan);
}

/** Counts the response as open from now until it closes (finished or aborted), and keeps the peak. */
function countOpen(state: ServerState, res: ServerResponse): void {
  state.openResponses += 1;
  state.peakOpenResponses = Math.max(state.peakOpenResponses, state.openResponses);
  res.once("close", () => {
    state.openResponses -= 1;
  });
}

/** The scenario that answers this request: the server's, or under `mixed` the healthy or the next hostile one. */
function chooseScenario(state: ServerState, req: IncomingMessage, bodyText: string, record: RecordedRequest): PlainScenario {
  const scenario = state.scenario;
  if (scenario.kind !== "mixed") return scenario;
  const retry = Number(req.headers["x-stainless-retry-count"] ?? 0) >= 1;
  const failed = retry ? state.failedBodies.get(bodyText) : undefined;
  let index: number | undefined = failed;
  if (index === undefined) {
    state.mixedCount += 1;
    if (state.mixedCount % scenario.every === 0) index = (state.mixedCount / scenario.every - 1) % scenario.hostile.length;
  }
  if (index === undefined) return scenario.healthy;
  const hostile = scenario.hostile[index] as PlainScenario;
  if (hostile.kind === "status") state.failedBodies.set(bodyText, index);
  record.hostileIndex = index;
  return hostile;
}

function recordRequest(state: ServerState, req: IncomingMessage, res: ServerResponse, body: unknown): RecordedRequest {
  const record: RecordedRequest = {
    body,
    headers: { ...req.headers },
    receivedAt: now(),
    aborted: false,
    finished: false,
    chunkTimes: [],
    elementCloseTimes: [],
    elementBeginTimes: [],
    elementsBegunAtClose: null,
    closedAt: null,
    hostileIndex: null,
  };
  state.requests.push(record);
  res.on("finish", () => {
    record.finished = true;
  });
  // 'close' also fires after a normal finish; only an unfinished response counts as aborted.
  res.on("close", () => {
    record.closedAt = now();
    if (res.writableFinished) return;
    record.aborted = true;
    record.elementsBegunAtClose = record.elementBeginTimes.length;
  });
  return record;
}

// What real servers answer for a feature they lack (OpenAI's own wording for unknown arguments).
const REFUSAL_ERRORS: Record<Refusal, { message: string; param: string | null }> = {
  json_schema: { message: "response_format json_schema is not supported by this server", param: "response_format" },
  json_object: { message: "response_format json_object is not supported by this server; only type text is", param: "response_format" },
  prompt_cache_key: { message: "Unrecognized request argument supplied: prompt_cache_key", param: null },
  stream_options: { message: "Unrecognized request argument supplied: stream_options", param: null },
};

/** The first refused feature the request uses, in the order a server would check them. */
function findRefusal(body: unknown, refused: Refusal[]): Refusal | undefined {
  const used = new Set<Refusal>();
  const format = get(body, ["response_format", "type"]);
  if (format === "json_schema" || format === "json_object") used.add(format);
  if (get(body, ["prompt_cache_key"]) !== undefined) used.add("prompt_cache_key");
  if (get(body, ["stream_options"]) !== undefined) used.add("stream_options");
  return REFUSALS.find((feature) => used.has(feature) && refused.includes(feature));
}

function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  const { message, param } = REFUSAL_ERRORS[refusal];
  sendJson(res, 400, { error: { message, type: "invalid_request_error", param, code: null } });
}

function sendStatusScenario(res: ServerResponse, scenario: Extract<PlainScenario, { kind: "status" }>): void {
  const body = scenario.body ?? defaultErrorBody(scenario.status);
  if (typeof body === "string") {
    res.writeHead(scenario.status, { "content-type": "text/plain; charset=utf-8", ...scenario.headers });
    return void res.end(body);
  }
  sendJson(res, scenario.status, body, scenario.headers);
}

function defaultErrorBody(status: number): unknown {
  const type = status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error";
  return { error: { message: `Fake upstream error (${status})`, type, param: null, code: type } };
}

function planStream(scenario: Extract<PlainScenario, { kind: "stream" }>, body: unknown, requestText: string): CompletionPlan {
  return {
    pieces: scenario.chunks,
    firstDelayMs: scenario.firstDelayMs ?? 0,
    gapMs: scenario.gapMs ?? 0,
    stallAfter: scenario.stallAfter,
    endWithoutDone: scenario.endWithoutDone ?? false,
    promptTokens: Math.ceil(requestText.length / 4),
    usage: planUsage(scenario, body),
  };
}

/** Returns an error message when the request carries no candidate ids to rank. */
function planRank(scenario: Extract<PlainScenario, { kind: "rank" }>, body: unknown, requestText: string): CompletionPlan | string {
  const ids = findCandidateIds(body);
  if (!ids) {
    return get(body, ["response_format", "type"]) === "json_schema"
      ? "fake server (rank scenario): response_format.json_schema.schema.properties.products.items.properties.id.enum is missing"
      : 'fake server (rank scenario): no candidate ids in the prompt (lines like {"id":"12",…})';
  }
  const valid = (scenario.reverse ? [...ids].reverse() : ids).slice(0, scenario.count ?? ids.length);
  const at = scenario.inventedAt ?? 1;
  const ordered = scenario.inventedIds ? [...valid.slice(0, at), ...scenario.inventedIds, ...valid.slice(at)] : valid;
  const reason = scenario.reason ?? DEFAULT_REASON;
  const text = JSON.stringify({ products: ordered.map((id) => ({ id, reason })) });
  return {
    pieces: splitIntoChunks(text, scenario.chunkSize ?? 4),
    firstDelayMs: scenario.firstDelayMs ?? 50,
    gapMs: scenario.gapMs ?? 5,
    stallAfter: scenario.stallAfter,
    slowAfter: scenario.slowAfter,
    endWithoutDone: false,
    promptTokens: Math.ceil(requestText.length / 4),
    usage: planUsage(scenario, body),
  };
}

/** OpenAI reports usage only when asked; `usage: true` models a server that always does. */
function planUsage(options: AnsweringOptions, body: unknown): CompletionPlan["usage"] {
  const asked = get(body, ["stream_options", "include_usage"]) === true;
  if (options.usage === false || !(asked || options.usage === true)) return null;
  return { figures: typeof options.usage === "object" ? options.usage : {}, onFinishChunk: options.usageOnFinishChunk ?? false };
}

/**
 * Under json_schema: the id enum at the documented path (or any `id` property with an enum, e.g. behind `$defs`).
 * Under json_object or no response_format the schema is not sent, so the ids come from the prompt.
 */
function findCandidateIds(body: unknown): unknown[] | undefined {
  if (get(body, ["response_format", "type"]) !== "json_schema") return findIdsInPrompt(body);
  const schema = get(body, ["response_format", "json_schema", "schema"]);
  const direct = get(schema, ["properties", "products", "items", "properties", "id", "enum"]);
  if (Array.isArray(direct)) return direct;
  return findIdEnum(schema);
}

/** Ids of the prompt's candidate lines: each a JSON object with an `id`, e.g. `{"id":"12","name":…}`. */
function findIdsInPrompt(body: unknown): string[] | undefined {
  const messages = get(body, ["messages"]);
  if (!Array.isArray(messages)) return undefined;
  const ids: string[] = [];
  for (const message of messages) {
    for (const line of messageText(message).split("\n")) {
      const id = lineId(line.trim());
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
  }
  return ids.length > 0 ? ids : undefined;
}

function messageText(message: unknown): string {
  const content = get(message, ["content"]);
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => get(part, ["text"])).filter((text) => typeof text === "string").join("\n");
}

function lineId(line: string): string | undefined {
  if (!line.startsWith("{") || !line.endsWith("}")) return undefined;
  const parsed = parseJson(line);
  const id = parsed.ok ? get(parsed.value, ["id"]) : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

function get(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function findIdEnum(node: unknown): unknown[] | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const idEnum = get(node, ["properties", "id", "enum"]);
  if (Array.isArray(idEnum)) return idEnum;
  for (const child of Object.values(node)) {
    const found = findIdEnum(child);
    if (found) return found;
  }
  return undefined;
}

/** Splits by code points so a chunk never ends inside a surrogate pair. */
function splitIntoChunks(text: string, size: number): string[] {
  const chars = Array.from(text);
  const step = Math.max(1, Math.floor(size));
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += step) chunks.push(chars.slice(i, i + step).join(""));
  return chunks;
}
