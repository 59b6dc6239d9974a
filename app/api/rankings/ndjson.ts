import type { RankingEvent } from "@/lib/ranking/pipeline/events";

const encoder = new TextEncoder();

/**
 * One JSON line per event, enqueued the moment the event exists. Push-based on purpose: the pipeline's
 * deadlines measure the model, so a slow reader must not hold the pipeline (at most one line per candidate
 * waits in the queue). `onCancel` runs when the reader goes away, `onEnd` once the stream is over either way.
 */
export function ndjsonStream(events: AsyncIterable<RankingEvent>, onCancel: () => void, onEnd: () => void = () => {}): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // An empty first chunk: Next writes the status and headers with the body's first chunk, and the
      // client should know at once that its request was accepted, not after the model's first token.
      controller.enqueue(new Uint8Array(0));
      void (async () => {
        try {
          for await (const event of events) {
            if (cancelled) return;
            controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          }
          if (!cancelled) controller.close();
        } catch (error) {
          console.error(JSON.stringify({ scope: "rankings-api", error: String(error) }));
          if (!cancelled) controller.error(error);
        } finally {
          onEnd();
        }
      })();
    },
    cancel() {
      cancelled = true;
      onCancel();
    },
  });
}
