/**
 * Wraps an async generator so that a consumer's `return()` or `throw()` (React aborting a render, a client
 * leaving) aborts `controller` at once, instead of waiting for the generator to reach its next `yield`.
 */
export function abortOnExit<T>(source: AsyncGenerator<T, void, undefined>, controller: AbortController): AsyncGenerator<T, void, undefined> {
  const exit = () => {
    controller.abort();
    return source.return(undefined);
  };
  const wrapper: AsyncGenerator<T, void, undefined> = {
    next: () => source.next(),
    return: exit,
    throw: exit,
    [Symbol.asyncIterator]() {
      return wrapper;
    },
    [Symbol.asyncDispose]: async () => {
      await exit();
    },
  };
  return wrapper;
}
