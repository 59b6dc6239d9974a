/**
 * Wraps an async generator so that a consumer's `return()` or `throw()` (React aborting a render, a client
 * leaving) calls `leave` at once, instead of waiting for the generator to reach its next `yield`.
 */
export function abortOnExit<T>(source: AsyncGenerator<T, void, undefined>, leave: () => void): AsyncGenerator<T, void, undefined> {
  const exit = () => {
    leave();
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
