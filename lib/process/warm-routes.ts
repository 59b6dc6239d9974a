import { processSingleton } from "./process-singleton";
import { sendWarmUpRequests } from "./warm-up-requests";

// A server is ready for its first visitor once it has rendered its busiest routes itself: until then a
// request pays for loading their code (in `next dev`, compiling it). `GET /api/health` says "starting"
// until then, so a load balancer's readiness check sends nobody to a cold server (docs/architecture.md §10).
// `npm start` (scripts/start.ts) warms up before it listens at all; this is for `next start` and `next dev`,
// which listen first.

const state = processSingleton("warm-routes", () => ({ started: false, warm: false }));

/**
 * Once the server is up, renders the busiest routes once (lib/process/warm-up-requests.ts). Not awaited by
 * register(): Next holds requests until register() is done, these included. Does nothing when Next has not
 * said where it listens (the launcher's custom server, which warms up itself before it listens).
 */
export function warmRoutesSoon(): void {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  state.started = origin !== undefined;
  state.warm = false;
  if (!origin) return;
  setTimeout(() => {
    // Tried is enough: a warm-up that failed (the database away at start) must not keep the server "starting".
    void sendWarmUpRequests(origin).then(() => (state.warm = true));
  }, 0).unref();
}

/** False only while a warm-up this process started is still running. */
export function routesWarm(): boolean {
  return !state.started || state.warm;
}
