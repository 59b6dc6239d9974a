import { describe, expect, it } from "vitest";
import { tracesEndpoint } from "@/lib/telemetry/register";

// instrumentation.ts registers OpenTelemetry only when this names an endpoint: unset, tracing costs nothing.

describe("whether the server registers tracing", () => {
  it("does not without an OTLP endpoint, or with an empty one", () => {
    expect(tracesEndpoint({})).toBeUndefined();
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "" })).toBeUndefined();
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " })).toBeUndefined();
  });

  it("does with OTEL_EXPORTER_OTLP_ENDPOINT, or the traces-only endpoint", () => {
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" })).toBe("http://127.0.0.1:4318");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe("http://collector:4318/v1/traces");
  });

  it("does not when OpenTelemetry is disabled outright", () => {
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_SDK_DISABLED: "true" })).toBeUndefined();
  });
});
