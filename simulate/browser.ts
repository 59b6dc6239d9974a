import { CookieJar } from "./cookie-jar";

// One simulated shopper's browser: a cookie jar and requests to the one store the simulation was given, and to
// nothing else — a URL or redirect leading to another origin is refused. Every request has a deadline (body
// included); what goes wrong is thrown as a StoreError naming the step, for the visit to count.

export class StoreError extends Error {
  readonly step: string;
  readonly status: number | undefined;
  constructor(step: string, message: string, status?: number) {
    super(`${step}: ${message}`);
    this.name = "StoreError";
    this.step = step;
    this.status = status;
  }
}

export interface StoreResponse {
  status: number;
  headers: Headers;
  text: string;
}

const MAX_REDIRECTS = 5;

export class Browser {
  readonly jar = new CookieJar();
  private readonly origin: URL;
  private readonly timeoutMs: number;

  constructor(origin: URL, timeoutMs: number) {
    this.origin = origin;
    this.timeoutMs = timeoutMs;
  }

  /** A request to `path` on the store; a same-origin redirect of a GET is followed, any other is an error. */
  async request(step: string, path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<StoreResponse> {
    let url = new URL(path, this.origin);
    const signal = AbortSignal.timeout(this.timeoutMs);
    for (let hop = 0; ; hop += 1) {
      if (url.origin !== this.origin.origin) throw new StoreError(step, `refused to leave ${this.origin.origin} for ${url.origin}`);
      const headers: Record<string, string> = { accept: "*/*", ...init.headers };
      const cookie = this.jar.header();
      if (cookie) headers.cookie = cookie;
      if (init.json !== undefined) headers["content-type"] = "application/json";
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json), redirect: "manual", signal });
        this.jar.store(response.headers.getSetCookie());
        text = await response.text();
      } catch (error) {
        const reason = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError") ? `no answer within ${this.timeoutMs / 1000} s` : describe(error);
        throw new StoreError(step, `${init.method ?? "GET"} ${url.pathname}: ${reason}`);
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location && (init.method ?? "GET") === "GET" && hop < MAX_REDIRECTS) {
        url = new URL(location, url);
        continue;
      }
      return { status: response.status, headers: response.headers, text };
    }
  }

  /** As `request`, but any status other than `expected` is a StoreError carrying the store's `error` text. */
  async expect(step: string, expected: number | readonly number[], path: string, init: Parameters<Browser["request"]>[2] = {}): Promise<StoreResponse> {
    const response = await this.request(step, path, init);
    const allowed = typeof expected === "number" ? [expected] : expected;
    if (!allowed.includes(response.status)) throw new StoreError(step, `${init.method ?? "GET"} ${path} answered ${response.status}${errorText(response.text)}`, response.status);
    return response;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

/** ": <the store's error>" from a JSON error body, or a short excerpt of any other body. */
function errorText(body: string): string {
  try {
    const json = JSON.parse(body) as unknown;
    if (json && typeof json === "object" && "error" in json && typeof json.error === "string") return `: ${json.error}`;
  } catch {
    // not JSON: fall through
  }
  const excerpt = body.replace(/\s+/g, " ").trim().slice(0, 120);
  return excerpt ? `: ${excerpt}` : "";
}
