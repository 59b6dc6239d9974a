import { processSingleton } from "./process-singleton";

// A server is ready for its first visitor once it has rendered its busiest routes itself: until then a
// request pays for loading their code (in `next dev`, compiling it). `GET /api/health` says "starting"
// until then, so a load balancer's readiness check sends nobody to a cold server (docs/architecture.md §10).

const state = processSingleton("warm-routes", () => ({ started: false, warm: false }));

const ROUTES = ["/?q=aisle-warm-up-no-match", "/api/rankings?shopper=12345&q=aisle-warm-up-no-match"];

/**
 * Once the server is up, renders the picks page and the ranking route once, with a search that matches
 * nothing: no ranking, no model call. Not awaited by register(): Next holds requests until register() is
 * done, these included.
 */
export function warmRoutesSoon(): void {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  state.started = origin !== undefined;
  state.warm = false;
  if (!origin) return;
  setTimeout(() => {
    const started = performance.now();
    // Bounded: a warm-up that hangs (a database slow to connect) must not keep the server "starting" for good.
    void Promise.all(ROUTES.map((route) => fetch(new URL(route, origin), { signal: AbortSignal.timeout(30_000) }).then((response) => response.arrayBuffer())))
      .then(() => console.log(JSON.stringify({ scope: "server", event: "warm", ms: Math.round(performance.now() - started) })))
      .catch((error: unknown) => console.error(JSON.stringify({ scope: "server", event: "warm-failed", error: String(error) })))
      // Tried is enough: a warm-up that failed (the database away at start) must not keep the server "starting".
      .finally(() => (state.warm = true));
  }, 0).unref();
}

/** False only while a warm-up this process started is still running. */
export function routesWarm(): boolean {
  return !state.started || state.warm;
}
