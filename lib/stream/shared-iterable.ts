/**
 * One async source read once, by two kinds of reader: one consumer that iterates it in order, and any
 * number of `at(index)` lookups that wait for one element. Elements are kept (a ranking is at most a few
 * hundred), so a late reader misses nothing. The source is pulled as fast as the fastest reader asks.
 */
export interface SharedIterable<T> {
  /** Every element in order; an error of the source is thrown here. */
  consumer(): AsyncGenerator<T, void, undefined>;
  /** The element at `index`, or undefined once the source ended (or failed) before it. */
  at(index: number): Promise<T | undefined>;
}

export function shareIterable<T>(source: AsyncIterable<T>): SharedIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  const items: T[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let pending: Promise<void> | undefined;

  /** Reads one more element; concurrent callers share the one read. */
  const pull = (): Promise<void> =>
    (pending ??= iterator.next().then(
      (result) => {
        pending = undefined;
        if (result.done) ended = true;
        else items.push(result.value);
      },
      (error: unknown) => {
        pending = undefined;
        ended = true;
        failure = { error };
      },
    ));

  return {
    async *consumer() {
      for (let index = 0; ; index++) {
        while (items.length <= index && !ended) await pull();
        if (index < items.length) yield items[index] as T;
        else if (failure) throw failure.error;
        else return;
      }
    },
    async at(index) {
      while (items.length <= index && !ended) await pull();
      return items[index];
    },
  };
}
