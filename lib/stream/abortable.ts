/**
 * Re-yields `source` until `signal` aborts, then throws the abort reason at once — even while a read is
 * pending, so a source that ignores its signal (a stuck socket, a slow provider) cannot hold the reader.
 */
export async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T, void, undefined> {
  signal.throwIfAborted();
  const iterator = source[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    while (true) {
      const next = iterator.next();
      next.catch(() => {}); // if the abort wins, a late rejection of this read is expected, not unhandled
      const result = await Promise.race([next, aborted]);
      if (result.done) return;
      yield result.value;
    }
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
    // Not awaited: a source stuck in a read would hold us here.
    Promise.resolve(iterator.return?.()).catch(() => {});
  }
}
