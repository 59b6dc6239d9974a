// The requests that warm a server up: the picks page (the shortlist and a search) and the ranking route, each
// ranked in full — the grid's server and client code, the shortlist's and the search's queries, the budget —
// but never by the model: they carry a token only this process knows, and a request that does is ranked in
// the embedded ranker's order, like one over capacity (docs/architecture.md §10). No imports: the production
// launcher (scripts/start.ts) loads this file with Node itself, outside Next's bundler.

export const WARM_UP_PATHS = ["/?shopper=12345", "/?shopper=12345&q=headphones", "/api/rankings?shopper=12345"] as const;

/** The header a warm-up request carries its token in. */
export const WARM_UP_HEADER = "x-aisle-warm-up";

const TOKEN = Symbol.for("aisle.warm-up-token");

/** A random token minted once per process (shared by its bundles, as processSingleton shares state). */
export function warmUpToken(): string {
  const scope = globalThis as Record<symbol, unknown>;
  scope[TOKEN] ??= crypto.randomUUID();
  return scope[TOKEN] as string;
}

/** Whether a request is this process's own warm-up: then no model is called for it. */
export function isWarmUp(headers: Headers): boolean {
  return headers.get(WARM_UP_HEADER) === warmUpToken();
}

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
      WARM_UP_PATHS.map((path) =>
        fetch(new URL(path, origin), { headers: { [WARM_UP_HEADER]: warmUpToken() }, signal: AbortSignal.timeout(WARM_UP_TIMEOUT_MS) }).then((response) => response.arrayBuffer()),
      ),
    );
    console.log(JSON.stringify({ scope: "server", event: "warm", ms: Math.round(performance.now() - started) }));
  } catch (error) {
    console.error(JSON.stringify({ scope: "server", event: "warm-failed", error: String(error) }));
  }
}
