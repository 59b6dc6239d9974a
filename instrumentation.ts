/**
 * Runs once when a server process starts, before it answers requests (Next's instrumentation `register`):
 * the database is opened, migrated and seeded here, not inside the first visitor's request
 * (docs/architecture.md §10); and requests are stamped with their socket's address (§13).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("@/lib/http/client-address");
  await stampPeerAddresses();
  const { warmRoutesSoon, warmUp } = await import("@/lib/db/warm-up");
  await warmUp();
  warmRoutesSoon();
}
