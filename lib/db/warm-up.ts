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
