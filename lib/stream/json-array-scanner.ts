/**
 * An incremental scanner for the one array a model's JSON answer is about: `{"products": [ {...}, {...} ]}`.
 *
 * Feed it text in chunks of any size; each `push` returns the elements that chunk completed, each released
 * at its own closing `}` — not when the next element starts, not at the end.
 * Complexity: every character is visited exactly once and only the current element's text is kept, so
 * total work is linear in the answer's length and memory is bounded by the largest element (or the cap).
 */

export type ElementRejection = "too-large" | "invalid-json";

export type ScanEvent =
  | { type: "element"; index: number; value: unknown }
  | { type: "rejected"; index: number; reason: ElementRejection; detail: string };

export type ScanOutcome =
  /** The array closed. */
  | "complete"
  /** The text ended inside the array (the model stopped half-way). */
  | "truncated"
  /** The text is not the JSON we asked for; scanning stopped at the first wrong character. */
  | "malformed"
  /** No array with the key was found. */
  | "no-array";

export interface ScannerOptions {
  /** The key of the array in the top-level object; a bare top-level array is accepted too. */
  key?: string;
  /** An element longer than this is rejected without buffering the rest of it. */
  maxElementChars?: number;
}

const Mode = {
  /** Before the JSON: prose or a ``` fence is skipped up to the first `{` or `[`. */
  Preamble: 0,
  /** In the top-level object, between members. */
  RootMember: 1,
  RootKey: 2,
  RootColon: 3,
  RootValue: 4,
  /** In the array, where an element (or `]`) may start. */
  ArrayElement: 5,
  /** In the array, after an element: `,` or `]`. */
  ArrayComma: 6,
  /** Inside a value (an element, or a root member we skip). */
  Value: 7,
  Done: 8,
} as const;
type Mode = (typeof Mode)[keyof typeof Mode];

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

const NO_EVENTS: readonly ScanEvent[] = Object.freeze([]);
const MAX_KEY_CHARS = 64;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

export class JsonArrayScanner {
  private readonly key: string;
  private readonly maxElementChars: number;

  private mode: Mode = Mode.Preamble;
  private outcome: ScanOutcome | undefined;
  private detail = "";

  // The root member being read.
  private rootKey = "";
  private rootKeyEscaped = false;

  // The value being scanned.
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A number, true, false or null: ends at the first delimiter rather than a closing character. */
  private bareValue = false;
  /** Whether the value is an element we release (else a root member we skip). */
  private isElement = false;
  private capturing = false;
  /** The current element's text so far (string concatenation: V8 joins the pieces lazily, once). */
  private text = "";
  private length = 0;
  private elementCount = 0;
  private begunCount = 0;
  private inArray = false;

  constructor(options: ScannerOptions = {}) {
    this.key = options.key ?? "products";
    this.maxElementChars = options.maxElementChars ?? 8192;
  }

  /** True once the array has closed or the text turned out malformed: later text is ignored. */
  get finished(): boolean {
    return this.mode === Mode.Done;
  }

  /** Elements whose first character has been read, finished or not: a caller can stop the text as one begins. */
  get elementsBegun(): number {
    return this.begunCount;
  }

  /** Elements (and rejections) completed by this chunk, in order. */
  push(chunk: string): readonly ScanEvent[] {
    let events: ScanEvent[] | undefined;
    /** Where the current element's text starts in this chunk. */
    let start = 0;
    const n = chunk.length;

    for (let i = 0; i < n; i++) {
      const code = chunk.charCodeAt(i);
      switch (this.mode) {
        case Mode.Value: {
          if (this.inString) {
            // Tight loop over string content: only `\` and `"` matter (state in locals while it runs).
            let escaped = this.escaped;
            for (; i < n; i++) {
              const c = chunk.charCodeAt(i);
              if (escaped) escaped = false;
              else if (c === BACKSLASH) escaped = true;
              else if (c === QUOTE) {
                this.inString = false;
                break;
              }
            }
            this.escaped = escaped;
            if (i === n) break;
            if (this.depth === 0) {
              events = this.finishValue(chunk, start, i + 1, events);
            }
            continue;
          }
          if (this.bareValue) {
            if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isWhitespace(code)) {
              events = this.finishValue(chunk, start, i, events);
              i--; // the delimiter belongs to the container
            }
            continue;
          }
          if (code === QUOTE) this.inString = true;
          else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
          else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
            if (--this.depth === 0) events = this.finishValue(chunk, start, i + 1, events);
          }
          continue;
        }

        case Mode.ArrayElement:
          if (isWhitespace(code)) continue;
          if (code === CLOSE_BRACKET) {
            this.finish("complete");
            continue;
          }
          if (code === COMMA || code === COLON || code === CLOSE_BRACE) {
            this.fail(`unexpected ${JSON.stringify(chunk[i])} where an element should start`);
            continue;
          }
          this.beginValue(code, true);
          start = i;
          continue;

        case Mode.ArrayComma:
          if (isWhitespace(code)) continue;
          if (code === COMMA) this.mode = Mode.ArrayElement;
          else if (code === CLOSE_BRACKET) this.finish("complete");
          else this.fail(`expected "," or "]" after an element, got ${JSON.stringify(chunk[i])}`);
          continue;

        case Mode.Preamble:
          if (code === OPEN_BRACE) this.mode = Mode.RootMember;
          else if (code === OPEN_BRACKET) this.enterArray();
          continue;

        case Mode.RootMember:
          if (isWhitespace(code) || code === COMMA) continue;
          if (code === QUOTE) {
            this.mode = Mode.RootKey;
            this.rootKey = "";
            this.rootKeyEscaped = false;
          } else if (code === CLOSE_BRACE) {
            this.finish("no-array", `the answer has no "${this.key}" array`);
          } else {
            this.fail(`expected a key in the top-level object, got ${JSON.stringify(chunk[i])}`);
          }
          continue;

        case Mode.RootKey:
          if (this.rootKeyEscaped) this.rootKeyEscaped = false;
          else if (code === BACKSLASH) this.rootKeyEscaped = true;
          else if (code === QUOTE) {
            this.mode = Mode.RootColon;
            continue;
          }
          if (this.rootKey.length < MAX_KEY_CHARS) this.rootKey += chunk[i];
          continue;

        case Mode.RootColon:
          if (isWhitespace(code)) continue;
          if (code === COLON) this.mode = Mode.RootValue;
          else this.fail(`expected ":" after a key, got ${JSON.stringify(chunk[i])}`);
          continue;

        case Mode.RootValue:
          if (isWhitespace(code)) continue;
          if (code === OPEN_BRACKET && decodeKey(this.rootKey) === this.key) {
            this.enterArray();
            continue;
          }
          if (code === COMMA || code === COLON || code === CLOSE_BRACE || code === CLOSE_BRACKET) {
            this.fail(`expected a value after "${this.rootKey}":`);
            continue;
          }
          this.beginValue(code, false);
          continue;

        case Mode.Done:
          return events ?? NO_EVENTS;
      }
    }

    if (this.mode === Mode.Value && this.isElement) this.take(chunk, start, n);
    return events ?? NO_EVENTS;
  }

  /** The text has ended: how the scan went. Call once, after the last `push`. */
  end(): { outcome: ScanOutcome; detail: string } {
    if (this.outcome === undefined) {
      if (this.inArray) this.finish("truncated", `the answer stopped inside the array after ${this.elementCount} elements`);
      else if (this.mode === Mode.Preamble) this.finish("no-array", "the answer holds no JSON");
      else this.finish("no-array", `the answer stopped before a "${this.key}" array`);
    }
    return { outcome: this.outcome ?? "malformed", detail: this.detail };
  }

  private enterArray(): void {
    this.mode = Mode.ArrayElement;
    this.inArray = true;
  }

  private beginValue(code: number, isElement: boolean): void {
    this.mode = Mode.Value;
    this.isElement = isElement;
    this.capturing = isElement;
    if (isElement) this.begunCount++;
    this.text = "";
    this.length = 0;
    this.escaped = false;
    this.inString = code === QUOTE;
    const opens = code === OPEN_BRACE || code === OPEN_BRACKET;
    this.depth = opens ? 1 : 0;
    this.bareValue = !opens && !this.inString;
  }

  /** Keeps a piece of the current element, or only counts it once the element is over the cap. */
  private take(chunk: string, start: number, endExclusive: number): void {
    if (endExclusive <= start) return;
    this.length += endExclusive - start;
    if (!this.capturing) return;
    if (this.length > this.maxElementChars) {
      this.capturing = false;
      this.text = "";
    } else {
      this.text += start === 0 && endExclusive === chunk.length ? chunk : chunk.slice(start, endExclusive);
    }
  }

  private finishValue(chunk: string, start: number, endExclusive: number, events: ScanEvent[] | undefined): ScanEvent[] | undefined {
    this.mode = this.isElement ? Mode.ArrayComma : Mode.RootMember;
    if (!this.isElement) return events;

    const index = this.elementCount++;
    this.take(chunk, start, endExclusive);

    const list = events ?? [];
    if (!this.capturing) {
      list.push({ type: "rejected", index, reason: "too-large", detail: `element of ${this.length} characters is over the ${this.maxElementChars}-character cap` });
    } else {
      try {
        list.push({ type: "element", index, value: JSON.parse(this.text) });
      } catch (error) {
        list.push({ type: "rejected", index, reason: "invalid-json", detail: (error as Error).message });
      }
    }
    this.text = "";
    this.capturing = false;
    return list;
  }

  private finish(outcome: ScanOutcome, detail = ""): void {
    this.mode = Mode.Done;
    this.inArray = false;
    this.outcome = outcome;
    this.detail = detail;
  }

  private fail(detail: string): void {
    this.finish("malformed", detail);
  }
}

function decodeKey(raw: string): string {
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
