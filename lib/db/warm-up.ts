import { getDb } from "./client";

/**
 * Opens the database before the first request. A database that cannot be reached now is not fatal: the
 * server starts, says why once, and the first request that needs the database tries again.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  try {
    await getDb();
    console.log(JSON.stringify({ scope: "db", event: "ready", ms: Math.round(performance.now() - started) }));
  } catch (error) {
    console.error(JSON.stringify({ scope: "db", event: "warm-up-failed", error: String(error) }));
  }
}

/**
 * Once the server is up, renders the picks page and the ranking route once itself, so the first visitor
 * does not pay for loading their code (in `next dev`, compiling it). A search that matches nothing: no
 * ranking, no model call. Not awaited by register(): Next holds requests until register() is done.
 */
export function warmRoutesSoon(): void {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin) return;
  setTimeout(() => {
    const started = performance.now();
    const routes = ["/?q=aisle-warm-up-no-match", "/api/rankings?shopper=12345&q=aisle-warm-up-no-match"];
    void Promise.all(routes.map((route) => fetch(new URL(route, origin)).then((response) => response.arrayBuffer())))
      .then(() => console.log(JSON.stringify({ scope: "server", event: "warm", ms: Math.round(performance.now() - started) })))
      .catch((error: unknown) => console.error(JSON.stringify({ scope: "server", event: "warm-failed", error: String(error) })));
  }, 0).unref();
}
