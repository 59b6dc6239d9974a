import { setTimeout as sleep } from "node:timers/promises";

export interface Pace {
  /** Delay before the first token. */
  ttftMs: number;
  tokensPerSecond: number;
  /** Characters per token. */
  charsPerToken?: number;
}

/**
 * Emits `text` as a model would: nothing for `ttftMs`, then one token (≈4 characters) at a time at
 * `tokensPerSecond`. Tokens are due on a fixed schedule, so timer lateness never slows the overall pace
 * (late tokens go out together). Honours `signal` at every wait.
 */
export async function* paceText(text: string, pace: Pace, signal: AbortSignal): AsyncGenerator<string, void, undefined> {
  const size = pace.charsPerToken ?? 4;
  const interval = 1000 / pace.tokensPerSecond;
  const start = performance.now() + pace.ttftMs;
  if (pace.ttftMs > 0) await sleep(pace.ttftMs, undefined, { signal });
  let sent = 0;
  let tokens = 0;
  while (sent < text.length) {
    signal.throwIfAborted();
    const due = Math.max(tokens + 1, Math.floor((performance.now() - start) / interval) + 1);
    const end = Math.min(text.length, due * size);
    yield text.slice(sent, end);
    sent = end;
    tokens = due;
    if (sent < text.length) {
      const wait = start + tokens * interval - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
    }
  }
}
