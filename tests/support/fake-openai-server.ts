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
 * Only erasable TypeScript syntax is used so Node 24 can run this file directly.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Request features a server may not support; a request using one gets a realistic 400. */
export type Refusal = "json_schema" | "json_object" | "prompt_cache_key" | "stream_options";

/** Usage figures for the final chunk; unset figures are estimated from the request and the text written. */
export interface FakeUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  /** sent as `prompt_tokens_details.cached_tokens`; without it the usage has no details (as Ollama's) */
  cached_tokens?: number;
}

/** Options shared by the scenarios that answer with a stream. */
interface AnsweringOptions {
  /** features this scenario refuses (added to the server's `refuse`) */
  refuse?: Refusal[];
  /**
   * The usage report. Unset: sent when the request asks (`stream_options.include_usage`), estimated figures.
   * `false`: never. `true`: always, even unasked (as llama.cpp does). An object: these figures, when asked.
   */
  usage?: boolean | FakeUsage;
  /** put the usage on the chunk carrying `finish_reason` instead of a chunk of its own with `choices: []` */
  usageOnFinishChunk?: boolean;
}

/** One way of answering: every scenario but `mixed`. */
export type PlainScenario =
  | (AnsweringOptions & {
      kind: "stream";
      chunks: string[];
      /** delay before the first chunk (default 0) */
      firstDelayMs?: number;
      /** delay between chunks (default 0) */
      gapMs?: number;
      /** after this many chunks stop sending but keep the connection open (a stall) */
      stallAfter?: number;
      /** end the HTTP response without the final `data: [DONE]` */
      endWithoutDone?: boolean;
    })
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "garbage"; text: string }
  | (AnsweringOptions & {
      kind: "rank";
      reason?: string;
      firstDelayMs?: number;
      gapMs?: number;
      chunkSize?: number;
      reverse?: boolean;
      /** write only the first `count` elements, then close the array */
      count?: number;
      /** after this many chunks stop sending but keep the connection open (a stall) */
      stallAfter?: number;
      /** ids that are not candidates, written as elements (with `reason`) among the valid ones */
      inventedIds?: string[];
      /** where the invented elements go: before the valid element at this index (default 1) */
      inventedAt?: number;
      /** once this many elements have begun, write each further chunk `gapMs` apart (a model slowing down) */
      slowAfter?: SlowDown;
    });

interface SlowDown {
  elements: number;
  gapMs: number;
}

/**
 * Most requests get `healthy`; every `every`-th (the every-th, the 2·every-th, …) gets the next of `hostile`
 * in turn. The count starts again when the scenario is set or the server reset. A retry by the OpenAI SDK
 * (`x-stainless-retry-count` ≥ 1) of a request a hostile scenario answered with an error status gets that
 * answer again and is not counted: an upstream that fails, fails every attempt of the same request.
 */
interface MixedScenario {
  kind: "mixed";
  healthy: PlainScenario;
  every: number;
  hostile: PlainScenario[];
}

export type Scenario = PlainScenario | MixedScenario;

export interface RecordedRequest {
  // The parsed JSON body (or the raw text when it was not JSON).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | undefined>;
  /** performance.timeOrigin + performance.now() when the request body had been read */
  receivedAt: number;
  /** true when the client closed the connection before the server finished the response */
  aborted: boolean;
  finished: boolean;
  /** performance.timeOrigin + performance.now() at which each chunk was written */
  chunkTimes: number[];
  /** the instants (same clock) at which the `}` closing each element of the products array was written */
  elementCloseTimes: number[];
  /** the instants at which the `{` opening each element of the products array was written */
  elementBeginTimes: number[];
  /**
   * When the client aborted: how many products elements had begun by then (`elementCloseTimes.length`
   * says how many had closed). null while the response runs or after it finished.
   */
  elementsBegunAtClose: number | null;
  /** performance.timeOrigin + performance.now() when the response ended or the client closed; null while open */
  closedAt: number | null;
  /** Under a `mixed` scenario, the index in `hostile` of the scenario that answered; null otherwise. */
  hostileIndex: number | null;
}

export interface FakeOpenAIServer {
  /** base URL ending in /v1, e.g. http://127.0.0.1:PORT/v1 */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** chat completion responses open right now (from the request's arrival to the response's close) */
  readonly openResponses: number;
  /** the most chat completion responses open at once since the start or the last reset */
  readonly peakOpenResponses: number;
  setScenario(s: Scenario): void;
  /** clears the recorded requests and the peak of open responses (the scenario is kept) */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeOpenAIServerOptions {
  port?: number;
  host?: string;
  scenario?: Scenario;
  /** features the server refuses whatever the scenario (a server without structured output, say) */
  refuse?: Refusal[];
}

const DEFAULT_MODEL = "fake-model";
const DEFAULT_REASON = "Picked by the fake model";
const DEFAULT_SCENARIO: Scenario = { kind: "rank" };
const PLAIN_KINDS = new Set(["stream", "status", "garbage", "rank"]);
const REFUSALS: readonly Refusal[] = ["json_schema", "json_object", "prompt_cache_key", "stream_options"];

export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const state: ServerState = {
    scenario: options.scenario ?? DEFAULT_SCENARIO,
    refuse: options.refuse ?? [],
    requests: [],
    inFlight: new Set(),
    openResponses: 0,
    peakOpenResponses: 0,
    mixedCount: 0,
    failedBodies: new Map(),
  };
  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `fake server crashed: ${String(error)}`, "server_error");
      else res.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  const host = options.host ?? "127.0.0.1";

  return {
    url: `http://${host}:${port}/v1`,
    port,
    requests: state.requests,
    get openResponses() {
      return state.openResponses;
    },
    get peakOpenResponses() {
      return state.peakOpenResponses;
    },
    setScenario(s) {
      setScenario(state, s);
    },
    reset() {
      resetState(state);
    },
    close: () => closeServer(server, state),
  };
}

// ---------------------------------------------------------------------------
// Server plumbing
// ---------------------------------------------------------------------------

interface ServerState {
  scenario: Scenario;
  refuse: Refusal[];
  requests: RecordedRequest[];
  /** cancel functions of responses still being written (timers pending) */
  inFlight: Set<() => void>;
  openResponses: number;
  peakOpenResponses: number;
  /** requests a `mixed` scenario has counted since it was set */
  mixedCount: number;
  /** under a `mixed` scenario: request bodies answered with a hostile error status → that scenario's index */
  failedBodies: Map<string, number>;
}

function setScenario(state: ServerState, scenario: Scenario): void {
  state.scenario = scenario;
  state.mixedCount = 0;
  state.failedBodies.clear();
}

function resetState(state: ServerState): void {
  // Mutate in place so references to `server.requests` stay valid.
  state.requests.length = 0;
  state.peakOpenResponses = state.openResponses;
  state.mixedCount = 0;
  state.failedBodies.clear();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server, state: ServerState): Promise<void> {
  for (const cancel of state.inFlight) cancel();
  state.inFlight.clear();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Stalled streams would otherwise keep close() waiting forever.
    server.closeAllConnections();
  });
}

async function handleRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "");
  const method = req.method ?? "GET";

  if (method === "POST" && path === "/v1/chat/completions") return handleChatCompletions(state, req, res);
  if (method === "GET" && path === "/v1/models") return sendJson(res, 200, modelList());
  if (method === "GET" && path === "/__requests") return sendJson(res, 200, state.requests);
  if (method === "GET" && path === "/__scenario") return sendJson(res, 200, state.scenario);
  if (method === "GET" && path === "/__stats") {
    return sendJson(res, 200, { requests: state.requests.length, openResponses: state.openResponses, peakOpenResponses: state.peakOpenResponses });
  }
  if (method === "POST" && path === "/__scenario") return handleSetScenario(state, req, res);
  if (method === "POST" && path === "/__reset") {
    resetState(state);
    return sendJson(res, 200, { ok: true });
  }
  sendError(res, 404, `Unknown route: ${method} ${path}`, "invalid_request_error", "not_found");
}

async function handleSetScenario(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = parseJson(await readBody(req));
  if (!parsed.ok || !isScenario(parsed.value)) {
    return sendError(res, 400, "Body must be a Scenario JSON object with a known `kind`", "invalid_request_error");
  }
  setScenario(state, parsed.value);
  sendJson(res, 200, { ok: true, scenario: state.scenario });
}

function isPlainScenario(value: unknown): value is PlainScenario {
  return typeof value === "object" && value !== null && PLAIN_KINDS.has(String((value as { kind?: unknown }).kind));
}

function isScenario(value: unknown): value is Scenario {
  if (isPlainScenario(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const mixed = value as Partial<MixedScenario>;
  return (
    mixed.kind === "mixed" &&
    isPlainScenario(mixed.healthy) &&
    typeof mixed.every === "number" &&
    Number.isInteger(mixed.every) &&
    mixed.every >= 1 &&
    Array.isArray(mixed.hostile) &&
    mixed.hostile.length > 0 &&
    mixed.hostile.every(isPlainScenario)
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null = null): void {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function modelList(): unknown {
  return {
    object: "list",
    data: [{ id: DEFAULT_MODEL, object: "model", created: 0, owned_by: "fake-openai" }],
  };
}

// ---------------------------------------------------------------------------
// Chat completions
// ---------------------------------------------------------------------------

/** Everything needed to answer one request, independent of the scenario kind. */
interface CompletionPlan {
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
interface ResponseContext {
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

async function handleChatCompletions(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
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

// ---------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------

/** Writes the plan as SSE, one timer per chunk; all timers stop when the client goes away. */
function streamCompletion(state: ServerState, ctx: ResponseContext, plan: CompletionPlan): void {
  const { res } = ctx;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  res.socket?.setNoDelay(true);
  res.flushHeaders();

  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    clearTimeout(timer);
    state.inFlight.delete(cancel);
  };
  state.inFlight.add(cancel);
  res.on("close", cancel);

  const stalled = (): boolean => plan.stallAfter !== undefined && sent >= plan.stallAfter;
  const step = (): void => {
    if (res.destroyed || stalled()) return;
    if (sent < plan.pieces.length) {
      writeContentChunk(ctx, plan.pieces[sent] ?? "", sent === 0);
      sent += 1;
    }
    if (stalled()) return; // stop writing but keep the socket open
    if (sent < plan.pieces.length) {
      const { slowAfter } = plan;
      const slow = slowAfter !== undefined && ctx.record.elementBeginTimes.length >= slowAfter.elements;
      timer = setTimeout(step, slow ? slowAfter.gapMs : plan.gapMs);
      return;
    }
    finishStream(ctx, plan);
  };
  timer = setTimeout(step, plan.firstDelayMs);
}

function writeContentChunk(ctx: ResponseContext, content: string, first: boolean): void {
  const delta = first ? { role: "assistant", content } : { content };
  const writtenAt = writeSse(ctx, JSON.stringify(chunkObject(ctx, delta, null)));
  recordWrite(ctx, content, writtenAt);
}

/** Timestamps the write, and every products element it opens or closes, for latency assertions. */
function recordWrite(ctx: ResponseContext, content: string, writtenAt: number): void {
  ctx.written += content;
  ctx.record.chunkTimes.push(writtenAt);
  const { begun, closed } = ctx.scanner.feed(content);
  for (let i = begun; i > 0; i--) ctx.record.elementBeginTimes.push(writtenAt);
  for (let i = closed; i > 0; i--) ctx.record.elementCloseTimes.push(writtenAt);
}

/** The finish chunk, then (when planned) the usage: on a chunk of its own with `choices: []`, as OpenAI does. */
function finishStream(ctx: ResponseContext, plan: CompletionPlan): void {
  const usage = plan.usage ? usageObject(ctx, plan, plan.usage.figures) : undefined;
  const usageOnFinish = plan.usage?.onFinishChunk === true;
  writeSse(ctx, JSON.stringify(chunkObject(ctx, {}, "stop", usageOnFinish ? usage : undefined)));
  if (usage && !usageOnFinish) writeSse(ctx, JSON.stringify(usageChunkObject(ctx, usage)));
  if (!plan.endWithoutDone) writeSse(ctx, "[DONE]");
  ctx.res.end();
}

function writeSse(ctx: ResponseContext, data: string): number {
  ctx.res.write(`data: ${data}\n\n`);
  return now();
}

function chunkObject(ctx: ResponseContext, delta: Record<string, unknown>, finishReason: string | null, usage?: unknown): unknown {
  return {
    id: ctx.id,
    object: "chat.completion.chunk",
    created: ctx.created,
    model: ctx.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(usage === undefined ? {} : { usage }),
  };
}

function usageChunkObject(ctx: ResponseContext, usage: unknown): unknown {
  return { id: ctx.id, object: "chat.completion.chunk", created: ctx.created, model: ctx.model, system_fingerprint: null, choices: [], usage };
}

/** The given figures, the rest estimated at four characters a token; details only when cached tokens are given. */
function usageObject(ctx: ResponseContext, plan: CompletionPlan, figures: FakeUsage): unknown {
  const prompt = figures.prompt_tokens ?? plan.promptTokens;
  const completion = figures.completion_tokens ?? Math.ceil(ctx.written.length / 4);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    ...(figures.cached_tokens === undefined ? {} : { prompt_tokens_details: { cached_tokens: figures.cached_tokens } }),
  };
}

/** Non-streaming answer: the whole content after firstDelayMs; a stall never answers. */
function answerWhole(state: ServerState, ctx: ResponseContext, plan: CompletionPlan): void {
  if (plan.stallAfter !== undefined) return;
  const timer = setTimeout(() => {
    state.inFlight.delete(cancel);
    if (ctx.res.destroyed) return;
    const content = plan.pieces.join("");
    recordWrite(ctx, content, now());
    sendJson(ctx.res, 200, completionObject(ctx, content, usageObject(ctx, plan, plan.usage?.figures ?? {})));
  }, plan.firstDelayMs);
  const cancel = (): void => {
    clearTimeout(timer);
    state.inFlight.delete(cancel);
  };
  state.inFlight.add(cancel);
  ctx.res.on("close", cancel);
}

function completionObject(ctx: ResponseContext, content: string, usage: unknown): unknown {
  return {
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model: ctx.model,
    system_fingerprint: null,
    choices: [
      { index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" },
    ],
    usage,
  };
}

// ---------------------------------------------------------------------------
// Products scanner: finds the `{` opening and the `}` closing each element of the top-level `products` array
// ---------------------------------------------------------------------------

interface ProductsScanner {
  /** Consumes more text; returns how many products elements were opened and closed within it. */
  feed(text: string): { begun: number; closed: number };
}

interface Frame {
  type: "{" | "[";
  /** for arrays: the object key they are the value of */
  key?: string;
}

function createProductsScanner(): ProductsScanner {
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  let stringBuffer = "";
  let lastString = "";
  let begun = 0;
  let closed = 0;

  // True when the next value at this point is an element of the top-level `products` array.
  const insideProducts = (): boolean => {
    const parent = stack[stack.length - 1];
    return stack.length === 2 && parent?.type === "[" && parent.key === "products";
  };

  const feedChar = (ch: string): void => {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') {
        inString = false;
        lastString = stringBuffer;
      } else stringBuffer += ch;
      return;
    }
    if (ch === '"') {
      inString = true;
      stringBuffer = "";
    } else if (ch === "{") {
      if (insideProducts()) begun += 1;
      stack.push({ type: "{" });
    } else if (ch === "[") {
      const parent = stack[stack.length - 1];
      stack.push({ type: "[", key: parent?.type === "{" ? lastString : undefined });
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      if (ch === "}" && insideProducts()) closed += 1;
    }
  };

  return {
    feed(text) {
      begun = 0;
      closed = 0;
      for (const ch of text) feedChar(ch);
      return { begun, closed };
    },
  };
}

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
