import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { JsonArrayScanner, type ScanEvent } from "@/lib/stream/json-array-scanner";
import { streamJsonArray } from "@/lib/stream/json-array-stream";

/** Feeds the chunks one by one and notes which chunk released each event. */
function scan(chunks: string[], options?: ConstructorParameters<typeof JsonArrayScanner>[0]) {
  const scanner = new JsonArrayScanner(options);
  const released: { chunk: number; event: ScanEvent }[] = [];
  chunks.forEach((chunk, index) => {
    for (const event of scanner.push(chunk)) released.push({ chunk: index, event });
  });
  return { released, values: released.map(({ event }) => (event.type === "element" ? event.value : event)), end: scanner.end() };
}

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    if (point > from) chunks.push(text.slice(from, point));
    from = Math.max(from, point);
  }
  chunks.push(text.slice(from));
  return chunks.filter((chunk) => chunk.length > 0);
}

/** Which chunk holds the character at `offset`. */
function chunkOf(chunks: string[], offset: number): number {
  let end = 0;
  for (let i = 0; i < chunks.length; i++) {
    end += (chunks[i] as string).length;
    if (offset < end) return i;
  }
  return chunks.length - 1;
}

// Strings that stress the scanner: quotes, backslashes, braces and brackets, and characters outside the BMP.
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom('}', '{"', '\\"}', "]", "[{", "\\", "😀", "é", "\u2028", '"products":['),
);
const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    trickyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(trickyString, tie("value"), { maxKeys: 3 }),
  ),
})).value;
const element = fc.dictionary(trickyString, jsonish, { maxKeys: 4 });
const whitespace = fc.constantFrom("", " ", "\n", "\n  ", "\t", "\r\n");

/** A whole answer, built piece by piece so the test knows where each element closes. */
const documentArbitrary = fc
  .record({
    preamble: fc.constantFrom("", "Here are your picks:\n", "```json\n", "Sure! ```json\n"),
    before: fc.option(fc.dictionary(fc.string().filter((k) => k !== "products"), jsonish, { maxKeys: 2 }), { nil: undefined }),
    elements: fc.array(element, { maxLength: 12 }),
    gaps: fc.array(whitespace, { minLength: 30, maxLength: 30 }),
    indent: fc.constantFrom(undefined, 2),
  })
  .map(({ preamble, before, elements, gaps, indent }) => {
    const gap = (i: number) => gaps[i % gaps.length] as string;
    let text = `${preamble}{${gap(0)}`;
    if (before && Object.keys(before).length > 0) {
      const members = JSON.stringify(before, null, indent);
      text += `${members.slice(1, -1).trim()},${gap(1)}`;
    }
    text += `"products"${gap(2)}:${gap(3)}[`;
    const closes: number[] = [];
    elements.forEach((value, i) => {
      text += gap(i + 4) + JSON.stringify(value, null, indent);
      closes.push(text.length - 1);
      text += gap(i + 5) + (i < elements.length - 1 ? "," : "");
    });
    text += `]${gap(5)}}${preamble.includes("```") ? "\n```" : ""}`;
    // What JSON.parse gives back (-0 is written "0"): the exact values the scanner must yield.
    return { text, elements: JSON.parse(JSON.stringify(elements)) as typeof elements, closes };
  });

describe("JsonArrayScanner", () => {
  afterEach(() => vi.restoreAllMocks());

  it("yields exactly JSON.parse(doc).products, in order, each at the chunk that completes it, however the text is split", () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(fc.nat(), { maxLength: 40 }), ({ text, elements, closes }, cuts) => {
        const chunks = splitAt(text, cuts);
        const { released, end } = scan(chunks);
        expect(released.map(({ event }) => event.type === "element" && event.value)).toEqual(elements);
        expect(released.map(({ chunk }) => chunk)).toEqual(closes.map((offset) => chunkOf(chunks, offset)));
        expect(end.outcome).toBe("complete");
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same result one character at a time", () => {
    fc.assert(
      fc.property(documentArbitrary, ({ text, elements }) => {
        expect(scan([...text]).values).toEqual(elements);
      }),
      { numRuns: 100 },
    );
  });

  it("releases an element at its closing brace, before the next one starts", () => {
    const scanner = new JsonArrayScanner();
    expect(scanner.push('{"products":[{"id":"1","reason":"a"')).toEqual([]);
    expect(scanner.push("}")).toEqual([{ type: "element", index: 0, value: { id: "1", reason: "a" } }]);
    expect(scanner.push(",")).toEqual([]);
  });

  it("skips prose and a ```json fence before the JSON", () => {
    const { values, end } = scan(["Sure, here you go:\n```js", 'on\n{"products": [{"id":"7"}]}\n```']);
    expect(values).toEqual([{ id: "7" }]);
    expect(end.outcome).toBe("complete");
  });

  it("keeps escaped quotes, braces and brackets inside strings as text", () => {
    const reason = 'He said "}]{[" \\ and left';
    const doc = JSON.stringify({ products: [{ id: "1", reason }, { id: "2", reason: "ok" }] });
    expect(scan(splitAt(doc, [17, 18, 19, 25, 30])).values).toEqual([{ id: "1", reason }, { id: "2", reason: "ok" }]);
  });

  it("decodes \\u escapes and joins a character split across chunks", () => {
    const doc = '{"products":[{"id":"1","reason":"caf\\u00e9 😀"}]}';
    const emoji = doc.indexOf("😀");
    // Cut inside the \u escape and between the two halves of the surrogate pair.
    const chunks = [doc.slice(0, 36), doc.slice(36, emoji + 1), doc.slice(emoji + 1)];
    expect(scan(chunks).values).toEqual([{ id: "1", reason: "café 😀" }]);
  });

  it("ignores a products key nested inside another member", () => {
    const doc = '{"meta":{"products":[{"id":"x"}]},"note":"[{}]","products":[{"id":"1"}]}';
    expect(scan([doc]).values).toEqual([{ id: "1" }]);
  });

  it("accepts a bare top-level array", () => {
    expect(scan(['[{"id":"1"},', '{"id":"2"}]']).values).toEqual([{ id: "1" }, { id: "2" }]);
  });

  it("rejects an element over the size cap without keeping it, and goes on", () => {
    const huge = "x".repeat(5000);
    const doc = `{"products":[{"id":"1","reason":"${huge}"},{"id":"2","reason":"ok"}]}`;
    const { released, end } = scan(splitAt(doc, [100, 2000, 4000]), { maxElementChars: 1000 });
    expect(released.map(({ event }) => event)).toEqual([
      { type: "rejected", index: 0, reason: "too-large", detail: expect.stringContaining("1000") },
      { type: "element", index: 1, value: { id: "2", reason: "ok" } },
    ]);
    expect(end.outcome).toBe("complete");
  });

  it("rejects an element that is not valid JSON, and goes on", () => {
    const { released } = scan(['{"products":[{"id":"1",},{"id":"2"}]}']);
    expect(released.map(({ event }) => event.type === "rejected" ? event.reason : event.value)).toEqual(["invalid-json", { id: "2" }]);
  });

  it("reports text that stops inside the array as truncated, keeping what was complete", () => {
    const { values, end } = scan(['{"products":[{"id":"1"},{"id":"2","rea']);
    expect(values).toEqual([{ id: "1" }]);
    expect(end.outcome).toBe("truncated");
  });

  it("ends as malformed at the first wrong character, never throwing", () => {
    const { values, end } = scan(['{"products":[{"id":"1"} {"id":"2"}]}']);
    expect(values).toEqual([{ id: "1" }]);
    expect(end.outcome).toBe("malformed");
  });

  it("reports an answer with no products array, or no JSON at all", () => {
    expect(scan(['{"items":[{"id":"1"}]}']).end.outcome).toBe("no-array");
    expect(scan(["I cannot help with that."]).end.outcome).toBe("no-array");
    expect(scan(["<html>502 Bad Gateway</html>"]).end.outcome).toBe("no-array");
  });

  it("ignores everything after the array closes", () => {
    const scanner = new JsonArrayScanner();
    expect(scanner.push('{"products":[]} {"products":[{"id":"1"}]}')).toEqual([]);
    expect(scanner.finished).toBe(true);
    expect(scanner.end().outcome).toBe("complete");
  });

  it("parses each element's text once and never the accumulated answer", () => {
    const elements = Array.from({ length: 200 }, (_, i) => ({ id: String(i), reason: `reason ${i}` }));
    const doc = JSON.stringify({ products: elements });
    const parse = vi.spyOn(JSON, "parse");
    const { values } = scan(splitAt(doc, Array.from({ length: doc.length / 4 }, (_, i) => i * 4)));
    expect(values).toEqual(elements);
    expect(parse).toHaveBeenCalledTimes(elements.length);
    const parsedChars = parse.mock.calls.reduce((sum, [text]) => sum + String(text).length, 0);
    expect(parsedChars).toBeLessThan(doc.length);
  });
});

describe("streamJsonArray", () => {
  async function* from(chunks: string[]) {
    yield* chunks;
  }

  it("yields elements then one end event", async () => {
    const events = [];
    for await (const event of streamJsonArray(from(['{"products":[{"id":"1"}', ',{"id":"2"}]}']))) events.push(event);
    expect(events).toEqual([
      { type: "element", index: 0, value: { id: "1" } },
      { type: "element", index: 1, value: { id: "2" } },
      { type: "end", outcome: "complete", detail: "" },
    ]);
  });

  it("stops reading the source once the array closes", async () => {
    // A source that would go on writing after the closing bracket: every read past it is counted.
    let readsAfterClose = 0;
    let returned = false;
    async function* source() {
      try {
        yield '{"products":[{"id":"1"}]}';
        for (let i = 0; i < 1000; i++) {
          readsAfterClose++;
          yield ` {"products":[{"id":"after-${i}"}]}`;
        }
      } finally {
        returned = true;
      }
    }
    const events = [];
    for await (const event of streamJsonArray(source())) events.push(event);
    expect(events).toEqual([
      { type: "element", index: 0, value: { id: "1" } },
      { type: "end", outcome: "complete", detail: "" },
    ]);
    expect(readsAfterClose).toBe(0);
    expect(returned).toBe(true);
  });
});
