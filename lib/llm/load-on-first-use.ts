import type { ModelChunk, ModelProvider, RankingRequest } from "./types";

/**
 * A provider whose client code (an SDK of a megabyte or more) is loaded when it first streams, not when the
 * page's or route's code is: a server on the simulated model never loads it, and every server starts
 * faster (docs/architecture.md §10). A load that fails is tried again on the next ranking.
 */
export function loadOnFirstUse(name: string, model: string, load: () => Promise<ModelProvider>): ModelProvider {
  let loaded: Promise<ModelProvider> | undefined;
  return {
    name,
    model,
    async *stream(request: RankingRequest, signal: AbortSignal): AsyncGenerator<ModelChunk, void, undefined> {
      loaded ??= load().catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
      yield* (await loaded).stream(request, signal);
    },
  };
}
