import { processSingleton } from "@/lib/process/process-singleton";

// Next does not abort a page's render when its client disconnects, but the proxy's `request.signal` does
// abort then. The proxy hands that signal to the render through this process-wide table, keyed by a
// random id in a request header that it always overwrites (a client cannot choose it).

export const CONNECTION_HEADER = "x-aisle-connection";

/** Unclaimed signals (a render that never asked) are forgotten after this long. */
const UNCLAIMED_TTL_MS = 30_000;

const unclaimed = processSingleton("connection-signals", () => new Map<string, AbortSignal>());

/** In the proxy: lets the render of this request learn when its client goes away. */
export function shareConnectionSignal(requestHeaders: Headers, signal: AbortSignal): void {
  const id = crypto.randomUUID();
  unclaimed.set(id, signal);
  requestHeaders.set(CONNECTION_HEADER, id);
  setTimeout(() => unclaimed.delete(id), UNCLAIMED_TTL_MS).unref?.();
}

/** In the render: the signal that aborts when this request's client disconnects, if the proxy shared one. */
export function claimConnectionSignal(requestHeaders: Headers): AbortSignal | undefined {
  const id = requestHeaders.get(CONNECTION_HEADER);
  if (!id) return undefined;
  const signal = unclaimed.get(id);
  unclaimed.delete(id);
  return signal;
}
