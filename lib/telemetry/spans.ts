import { context, ProxyTracerProvider, SpanStatusCode, trace, type Attributes, type Context, type Span } from "@opentelemetry/api";

// The only door to OpenTelemetry in the app's code: the API package, which is a no-op until a tracer provider
// is registered (instrumentation.ts does, when OTEL_EXPORTER_OTLP_ENDPOINT is set). A span that is not recording
// costs nothing; callers check `isRecording()` before computing attributes that cost anything.

export type { Attributes, Context, Span };

/** Whether a tracer provider is registered: a check that costs nothing, for work done before any span exists. */
export function isTracing(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegateTracer("aisle") !== undefined;
}

/** Milliseconds since the epoch, finer than Date.now(): what a span recorded after the fact is timed with. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/** The active context: what a span started now is a child of. */
export const activeContext = (): Context => context.active();

/** The active span when it is recording (a provider adding what only it sees); undefined when not tracing. */
export function recordingSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

/** A span of Aisle's own, child of `parent` (by default the active context). */
export function startSpan(name: string, parent: Context = context.active(), attributes?: Attributes, startTime?: number): Span {
  return trace.getTracer("aisle").startSpan(name, { attributes, startTime }, parent);
}

/** A span that is over already, recorded from its start and end times (epochMs). */
export function recordSpan(name: string, parent: Context, startedAt: number, endedAt: number, attributes?: Attributes): void {
  startSpan(name, parent, attributes, startedAt).end(endedAt);
}

/** The context in which `span` is the parent of what starts next. */
export function within(span: Span, parent: Context = context.active()): Context {
  return trace.setSpan(parent, span);
}

/** Marks a span failed (status ERROR, with a message an operator can read). */
export function markFailed(span: Span, message: string, error?: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
  if (error instanceof Error) span.recordException(error);
}

/**
 * An async iterable whose every step runs inside `ctx`: what a source does while producing its values (an HTTP
 * request, an SDK's own spans) is a child of the span in `ctx`, whichever context the consumer reads from.
 */
export async function* inContext<T>(ctx: Context, source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = context.with(ctx, () => source[Symbol.asyncIterator]());
  try {
    for (;;) {
      const step = await context.with(ctx, () => iterator.next());
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await context.with(ctx, async () => {
      await iterator.return?.();
    });
  }
}
