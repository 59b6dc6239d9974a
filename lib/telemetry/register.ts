/** Where traces go, read from the standard OpenTelemetry variables; undefined: tracing stays off (and free). */
export function tracesEndpoint(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return undefined;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return endpoint || undefined;
}

/**
 * Registers OpenTelemetry with `@vercel/otel` (Next's own convention): a tracer provider for the process, Next's
 * request spans and Aisle's ranking spans exported over OTLP to the endpoint the environment names
 * (http/protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL says http/json). Loaded only when tracing is on.
 */
export async function registerTracing(): Promise<void> {
  const { registerOTel } = await import("@vercel/otel");
  registerOTel({ serviceName: "aisle" });
}
