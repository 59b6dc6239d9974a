/**
 * Runs once when a server process starts, before it answers requests (Next's instrumentation `register`):
 * the database is opened, migrated and seeded here, not inside the first visitor's request, then the busiest
 * routes warm themselves (docs/architecture.md §10); and requests are stamped with their socket's address (§13).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { cacheCompiledCode } = await import("@/lib/process/compile-cache");
  cacheCompiledCode();
  const { stampPeerAddresses } = await import("@/lib/http/client-address");
  await stampPeerAddresses();
  const { warmUp } = await import("@/lib/db/warm-up");
  await warmUp();
  const { warmRoutesSoon } = await import("@/lib/process/warm-routes");
  warmRoutesSoon();
}
