// The requests that warm a server up: the picks page and the ranking route, with a search that matches
// nothing, so no ranking is made and no model is called (docs/architecture.md §10). No imports: the
// production launcher (scripts/start.ts) loads this file with Node itself, outside Next's bundler.

export const WARM_UP_PATHS = ["/?q=aisle-warm-up-no-match", "/api/rankings?shopper=12345&q=aisle-warm-up-no-match"] as const;

/** Bounded: a warm-up that hangs (a database slow to connect) must not hold a server back for good. */
const WARM_UP_TIMEOUT_MS = 30_000;

/**
 * Requests every warm-up path of the server at `origin`, reads each answer whole and logs how long it took.
 * Never rejects: a warm-up that failed (the database away at start) is logged, and the server goes on.
 */
export async function sendWarmUpRequests(origin: string): Promise<void> {
  const started = performance.now();
  try {
    await Promise.all(
      WARM_UP_PATHS.map((path) => fetch(new URL(path, origin), { signal: AbortSignal.timeout(WARM_UP_TIMEOUT_MS) }).then((response) => response.arrayBuffer())),
    );
    console.log(JSON.stringify({ scope: "server", event: "warm", ms: Math.round(performance.now() - started) }));
  } catch (error) {
    console.error(JSON.stringify({ scope: "server", event: "warm-failed", error: String(error) }));
  }
}
