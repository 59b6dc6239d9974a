import type { TextStreamPart, ToolSet } from "ai";
import type { ModelChunk } from "../types";
import { modelError } from "./errors";
import { reportedUsage } from "./usage";

/**
 * The raw text deltas of a `fullStream`, then its usage. streamText turns failures into `error` parts and
 * an abort into an `abort` part that ends the stream quietly; both are thrown here, so the reader sees a
 * failed model as a failure and never mistakes an aborted answer for a short one.
 */
export async function* modelChunks(parts: AsyncIterable<TextStreamPart<ToolSet>>, signal: AbortSignal): AsyncGenerator<ModelChunk, void, undefined> {
  for await (const part of parts) {
    switch (part.type) {
      case "text-delta":
        if (part.text) yield part.text;
        break;
      case "finish": {
        const usage = reportedUsage(part.totalUsage);
        if (usage) yield { type: "usage", usage };
        break;
      }
      case "error":
        // An aborted request fails its read too; the abort, not that failure, is what happened.
        throw signal.aborted ? signal.reason : modelError(part.error);
      case "abort":
        throw signal.reason ?? new DOMException(part.reason ?? "The model request was aborted.", "AbortError");
    }
  }
  signal.throwIfAborted();
}
