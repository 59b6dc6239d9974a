// The fake server's public API: the scenarios that script the "model", what it records, and its defaults.

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
export interface AnsweringOptions {
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

export interface SlowDown {
  elements: number;
  gapMs: number;
}

/**
 * Most requests get `healthy`; every `every`-th (the every-th, the 2·every-th, …) gets the next of `hostile`
 * in turn. The count starts again when the scenario is set or the server reset. A retry by the OpenAI SDK
 * (`x-stainless-retry-count` ≥ 1) of a request a hostile scenario answered with an error status gets that
 * answer again and is not counted: an upstream that fails, fails every attempt of the same request.
 */
export interface MixedScenario {
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

export const DEFAULT_MODEL = "fake-model";
export const DEFAULT_REASON = "Picked by the fake model";
export const DEFAULT_SCENARIO: Scenario = { kind: "rank" };
export const PLAIN_KINDS = new Set(["stream", "status", "garbage", "rank"]);
export const REFUSALS: readonly Refusal[] = ["json_schema", "json_object", "prompt_cache_key", "stream_options"];
