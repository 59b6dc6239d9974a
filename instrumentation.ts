/**
 * Runs once when a server process starts, before it answers requests (Next's instrumentation `register`):
 * the database is opened, migrated and seeded here, not inside the first visitor's request, then the busiest
 * routes warm themselves (docs/architecture.md §10); it listens for other servers' cancels; and requests are stamped with their socket's address (§13).
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, traces are registered before the rest runs (docs/architecture.md, Traces);
 * unset, @vercel/otel is never loaded.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { cacheCompiledCode } = await import("@/lib/process/compile-cache");
  cacheCompiledCode();
  const { registerTracing, tracesEndpoint } = await import("@/lib/telemetry/register");
  if (tracesEndpoint(process.env)) await registerTracing();
  const { stampPeerAddresses } = await import("@/lib/http/client-address");
  await stampPeerAddresses();
  const { warmUp } = await import("@/lib/db/warm-up");
  await warmUp();
  // Cancels sent to another server of the same PostgreSQL reach this one's rankings (docs/architecture.md §9).
  const { listenForCancels } = await import("@/lib/ranking/service/cancel-everywhere");
  void listenForCancels();
  const { warmRoutesSoon } = await import("@/lib/process/warm-routes");
  warmRoutesSoon();
}
