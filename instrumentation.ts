/**
 * Runs once when a server process starts, before it answers requests (Next's instrumentation `register`):
 * the database is opened, migrated and seeded here, not inside the first visitor's request, then the busiest
 * routes warm themselves (docs/architecture.md §10); it listens for other servers' cancels; requests are
 * stamped with their socket's address (§13); and beacons are offered to the `npm start` launcher (§21).
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
  // Beacons are answered by `npm start` before Next's router, with the route's own code (launcher-routes).
  const { offerToLauncher } = await import("@/lib/process/launcher-routes");
  const { nodeRoute } = await import("@/lib/http/node-route");
  const { answerBeacon } = await import("@/lib/insights/record/answer-beacon");
  const { MAX_EVENTS_BODY_BYTES } = await import("@/lib/insights/record/event-input");
  offerToLauncher("POST", "/api/events", nodeRoute(answerBeacon, { readAtMost: MAX_EVENTS_BODY_BYTES }));
  const { warmRoutesSoon } = await import("@/lib/process/warm-routes");
  warmRoutesSoon();
}
