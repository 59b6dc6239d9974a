import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_MODEL, DEFAULT_SCENARIO, type FakeOpenAIServer, type FakeOpenAIServerOptions, type MixedScenario, PLAIN_KINDS, type PlainScenario, type RecordedRequest, type Refusal, type Scenario } from "./api.ts";
import { handleChatCompletions } from "./completions.ts";

// The fake server's plumbing: start and stop, routing, control endpoints (/__scenario, /__requests, /__stats, /__reset).

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

export interface ServerState {
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

export function setScenario(state: ServerState, scenario: Scenario): void {
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

export function isScenario(value: unknown): value is Scenario {
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

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function now(): number {
  return performance.timeOrigin + performance.now();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null = null): void {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function modelList(): unknown {
  return {
    object: "list",
    data: [{ id: DEFAULT_MODEL, object: "model", created: 0, owned_by: "fake-openai" }],
  };
}
