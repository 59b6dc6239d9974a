import { JSONParser } from "@streamparser/json";
import { Output, streamText } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { z } from "zod";
import { modelElementSchema } from "../lib/ranking/pipeline/contract.ts";
import { JsonArrayScanner } from "../lib/stream/json-array-scanner.ts";

// The ways to turn a streamed answer into validated elements that the bench compares. Each feeds the
// chunks in order and calls `release` with each validated element the moment it has one. `beforeChunk`
// (only when measuring delays) runs before each chunk is fed, so the harness knows which chunk a release
// belongs to; when timing CPU there is no hook, so nothing but the parsing is timed.

export type Release = (element: unknown) => void;

export interface Contender {
  name: string;
  /** The array's key in the answer: the AI SDK wraps an array output as {"elements": [...]}. */
  key: string;
  run(chunks: readonly string[], release: Release, beforeChunk?: (index: number) => Promise<void>): Promise<void>;
  /** Set when the contender gives up on large inputs (quadratic). */
  timeLimitMs?: number;
}

const allElements = z.array(modelElementSchema);

export const aisle: Contender = {
  name: "Aisle (incremental scanner + zod per element)",
  key: "products",
  async run(chunks, release, beforeChunk) {
    const scanner = new JsonArrayScanner();
    for (const [index, chunk] of chunks.entries()) {
      if (beforeChunk) await beforeChunk(index);
      for (const event of scanner.push(chunk)) {
        if (event.type === "element") {
          const parsed = modelElementSchema.safeParse(event.value);
          if (parsed.success) release(parsed.data);
        }
      }
    }
    scanner.end();
  },
};

export const floor: Contender = {
  name: "floor: buffer all, one JSON.parse + zod",
  key: "products",
  async run(chunks, release, beforeChunk) {
    let text = "";
    for (const [index, chunk] of chunks.entries()) {
      if (beforeChunk) await beforeChunk(index);
      text += chunk;
    }
    const parsed = z.object({ products: allElements }).parse(JSON.parse(text));
    for (const element of parsed.products) release(element);
  },
};

export const streamparser: Contender = {
  name: "@streamparser/json + zod per element",
  key: "products",
  async run(chunks, release, beforeChunk) {
    const parser = new JSONParser({ paths: ["$.products.*"], keepStack: false });
    parser.onValue = ({ value }) => {
      const parsed = modelElementSchema.safeParse(value);
      if (parsed.success) release(parsed.data);
    };
    for (const [index, chunk] of chunks.entries()) {
      if (beforeChunk) await beforeChunk(index);
      parser.write(chunk);
    }
  },
};

export const naive: Contender = {
  name: "naive: re-scan the whole text at every chunk",
  key: "products",
  timeLimitMs: 5_000,
  async run(chunks, release, beforeChunk) {
    let text = "";
    let released = 0;
    const started = performance.now();
    for (const [index, chunk] of chunks.entries()) {
      if (beforeChunk) await beforeChunk(index);
      text += chunk;
      // What a "parse the partial JSON again" approach does: everything from the start, every time.
      const scanner = new JsonArrayScanner();
      const values = scanner.push(text).flatMap((event) => (event.type === "element" ? [event.value] : []));
      for (; released < values.length; released++) {
        const parsed = modelElementSchema.safeParse(values[released]);
        if (parsed.success) release(parsed.data);
      }
      if (performance.now() - started > (naive.timeLimitMs ?? Infinity)) throw new TimeLimit();
    }
  },
};

export class TimeLimit extends Error {}

const USAGE = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

export const aiSdk: Contender = {
  name: "AI SDK streamText + Output.array elementStream",
  key: "elements",
  async run(chunks, release, beforeChunk) {
    let feed!: ReadableStreamDefaultController<unknown>;
    const stream = new ReadableStream({ start: (controller) => void (feed = controller) });
    const result = streamText({
      model: new MockLanguageModelV4({ doStream: async () => ({ stream: stream as never }) }),
      prompt: "rank",
      output: Output.array({ element: modelElementSchema }),
    });
    const consumed = (async () => {
      for await (const element of result.elementStream) release(element);
    })();
    feed.enqueue({ type: "text-start", id: "t" });
    for (const [index, chunk] of chunks.entries()) {
      if (beforeChunk) await beforeChunk(index);
      feed.enqueue({ type: "text-delta", id: "t", delta: chunk });
    }
    feed.enqueue({ type: "text-end", id: "t" });
    feed.enqueue({ type: "finish", finishReason: { unified: "stop", raw: undefined }, usage: USAGE });
    feed.close();
    await consumed;
  },
};

export const CONTENDERS = [aisle, floor, aiSdk, streamparser, naive];
