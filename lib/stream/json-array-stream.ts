import { JsonArrayScanner, type ScanEvent, type ScanOutcome, type ScannerOptions } from "./json-array-scanner";

export type ArrayStreamEvent = ScanEvent | { type: "end"; outcome: ScanOutcome; detail: string };

/**
 * Turns a model's text deltas into the elements of its JSON array, each yielded the moment its closing
 * `}` arrives, then one `end` event saying how the text ended. Malformed text ends the stream as a value,
 * never an exception; an exception from `chunks` itself (a network error) is passed on.
 * Stops reading `chunks` as soon as the array closes.
 */
export async function* streamJsonArray(
  chunks: AsyncIterable<string>,
  options?: ScannerOptions,
): AsyncGenerator<ArrayStreamEvent, void, undefined> {
  const scanner = new JsonArrayScanner(options);
  for await (const chunk of chunks) {
    const events = scanner.push(chunk);
    for (const event of events) yield event;
    if (scanner.finished) break;
  }
  yield { type: "end", ...scanner.end() };
}
