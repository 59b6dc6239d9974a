import { afterEach, describe, expect, it, vi } from "vitest";
import type { RankedItem, RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { rankingEventSchema } from "@/lib/ranking/pipeline/events";
import { rankProducts, type RankingInput, type RankingOptions } from "@/lib/ranking/pipeline/rank-products";
import { input, product, shopper } from "@/tests/support/fixtures";
import { NO_SIGNALS } from "@/lib/shoppers/types";
import { chunked, scriptedProvider, type Step } from "@/tests/support/scripted-provider";

const answer = (...ids: string[]) => JSON.stringify({ products: ids.map((id) => ({ id, reason: `reason for ${id}` })) });

async function run(steps: Step[], options: Partial<RankingOptions> = {}, rankingInput: RankingInput = input()) {
  const { provider, calls } = scriptedProvider(steps);
  const log = vi.fn();
  const events: RankingEvent[] = [];
  for await (const event of rankProducts(rankingInput, { provider, firstItemTimeoutMs: 2000, stallTimeoutMs: 1000, log, ...options })) {
    events.push(rankingEventSchema.parse(event));
  }
  const items = events.filter((event): event is RankedItem => event.type === "item");
  const done = events.at(-1) as RankingSummary;
  return { events, items, done, log, calls };
}

/** docs/architecture.md §3.1: every candidate exactly once, ranks 1…n, model items before fallback items. */
function expectNothingLost(items: RankedItem[], count = 5) {
  expect(items.map((item) => item.id).sort()).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)).sort());
  expect(items.map((item) => item.rank)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  const fromModel = items.filter((item) => item.source === "model").length;
  expect(items.map((item) => item.source)).toEqual([...Array<string>(fromModel).fill("model"), ...Array<string>(count - fromModel).fill("fallback")]);
}

/**
 * Starts a ranking and reads it in the background, for tests that move a fake clock: `events` fills as the
 * pipeline emits, `finished` settles when it is done.
 */
function start(steps: Step[], options: Partial<RankingOptions> = {}) {
  const { provider, calls } = scriptedProvider(steps);
  const events: RankingEvent[] = [];
  const finished = (async () => {
    for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 2000, stallTimeoutMs: 1000, log: () => {}, ...options })) {
      events.push(rankingEventSchema.parse(event));
    }
  })();
  const items = () => events.filter((event): event is RankedItem => event.type === "item");
  return { events, items, calls, finished };
}

const order = (items: RankedItem[]) => items.map((item) => `${item.id}:${item.source}`);

afterEach(() => {
  vi.useRealTimers();
});

describe("rankProducts", () => {
  it("streams the model's order, every item from the model, then a done line", async () => {
    const { items, done, events } = await run(chunked(answer("3", "1", "5", "2", "4")));
    expectNothingLost(items);
    expect(order(items)).toEqual(["3:model", "1:model", "5:model", "2:model", "4:model"]);
    expect(items[0]?.reason).toBe("reason for 3");
    expect(events.filter((event) => event.type === "done")).toHaveLength(1);
    expect(done).toMatchObject({ type: "done", ranked: 5, fallback: 0, rejected: 0, provider: "scripted", model: "script-1", replay: false, outcome: "complete" });
    expect(done.firstItemMs).not.toBeNull();
  });

  it("sends the model the candidates as a strict schema with their ids as the enum", async () => {
    const { calls } = await run(chunked(answer("1", "2", "3", "4", "5")));
    const schema = calls[0]?.request.responseSchema as { properties: { products: { items: { properties: { id: { enum: string[] } } } } } };
    expect(schema.properties.products.items.properties.id.enum).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("keeps every candidate once when the model repeats an id", async () => {
    const { items, done, log } = await run(chunked(answer("2", "2", "1", "2")));
    expectNothingLost(items);
    expect(order(items)).toEqual(["2:model", "1:model", "3:fallback", "4:fallback", "5:fallback"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, rejected: 2 });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ event: "element-rejected", reason: 'repeated id "2"' }));
  });

  it("never shows an id that is not a candidate", async () => {
    const { items, done, log } = await run(chunked(answer("99", "4", "0", "x")));
    expectNothingLost(items);
    expect(order(items)[0]).toBe("4:model");
    expect(done).toMatchObject({ ranked: 1, fallback: 4, rejected: 3 });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ reason: 'unknown id "99"' }));
  });

  it("refuses elements that fail the schema: missing, empty or over-long reasons, extra keys, wrong types", async () => {
    const text = JSON.stringify({
      products: [
        { id: "1" },
        { id: "2", reason: "   " },
        { id: "3", reason: "x".repeat(281) },
        { id: "4", reason: "ok", score: 9 },
        { id: 5, reason: "number id" },
        "5",
        { id: "5", reason: "  trimmed  " },
      ],
    });
    const { items, done } = await run(chunked(text, 7));
    expectNothingLost(items);
    expect(items[0]).toMatchObject({ id: "5", reason: "trimmed", source: "model" });
    expect(done).toMatchObject({ ranked: 1, fallback: 4, rejected: 6 });
  });

  it("skips prose and a code fence before the JSON", async () => {
    const { items, done } = await run(chunked(`Sure! Here is the ranking:\n\`\`\`json\n${answer("5", "4", "3", "2", "1")}\n\`\`\``));
    expect(order(items)).toEqual(["5:model", "4:model", "3:model", "2:model", "1:model"]);
    expect(done.outcome).toBe("complete");
  });

  it("falls back for the rest when the model stops half-way", async () => {
    const text = answer("4", "2", "1", "3", "5");
    const { items, done } = await run(chunked(text.slice(0, text.indexOf('{"id":"1"') + 5)));
    expectNothingLost(items);
    expect(order(items)).toEqual(["4:model", "2:model", "1:fallback", "3:fallback", "5:fallback"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "truncated" });
  });

  it("keeps what was valid before the JSON turned malformed", async () => {
    const { items, done } = await run(['{"products":[{"id":"3","reason":"a"}', ' oops {"id":"1"}]}']);
    expectNothingLost(items);
    expect(order(items)[0]).toBe("3:model");
    expect(done).toMatchObject({ ranked: 1, fallback: 4, outcome: "malformed" });
  });

  it("falls back entirely on garbage", async () => {
    const { items, done } = await run(["<html><body>502 Bad Gateway</body></html>"]);
    expectNothingLost(items);
    expect(items.every((item) => item.source === "fallback")).toBe(true);
    expect(order(items)).toEqual(["1:fallback", "2:fallback", "3:fallback", "4:fallback", "5:fallback"]);
    expect(done).toMatchObject({ ranked: 0, fallback: 5, outcome: "malformed" });
  });

  it.each([
    ["HTTP 500", Object.assign(new Error("Internal server error"), { status: 500 }), "HTTP 500: Internal server error"],
    ["HTTP 429", Object.assign(new Error("Rate limit reached"), { status: 429 }), "HTTP 429: Rate limit reached"],
    ["a dropped connection", new Error("socket hang up"), "socket hang up"],
  ])("falls back on %s, keeping items already shown", async (_name, error, detail) => {
    const text = answer("5", "1", "2", "3", "4");
    const { items, done } = await run([...chunked(text.slice(0, text.indexOf('{"id":"1"'))), { fail: error }]);
    expectNothingLost(items);
    expect(order(items)[0]).toBe("5:model");
    expect(done).toMatchObject({ ranked: 1, fallback: 4, outcome: "model-error", detail });
  });

  it("aborts the model and falls back when text stalls mid-stream, once the stall deadline has passed and not before", async () => {
    vi.useFakeTimers();
    const text = answer("2", "1", "3", "4", "5");
    const ranking = start([...chunked(text.slice(0, text.indexOf('{"id":"1"'))), "stall"], { stallTimeoutMs: 150 });
    await vi.advanceTimersByTimeAsync(149);
    expect(order(ranking.items())).toEqual(["2:model"]);
    expect(ranking.calls[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ranking.calls[0]?.signal.aborted).toBe(true);
    await ranking.finished;
    expectNothingLost(ranking.items());
    expect(order(ranking.items())[0]).toBe("2:model");
    expect(ranking.events.at(-1)).toMatchObject({ type: "done", ranked: 1, fallback: 4, outcome: "stall-timeout" });
  });

  it("aborts the model and falls back when no first item arrives by the deadline, and not before", async () => {
    vi.useFakeTimers();
    const ranking = start(['{"prod', "stall"], { firstItemTimeoutMs: 100, stallTimeoutMs: 10_000 });
    await vi.advanceTimersByTimeAsync(99);
    expect(ranking.events).toEqual([]);
    expect(ranking.calls[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ranking.calls[0]?.signal.aborted).toBe(true);
    await ranking.finished;
    expectNothingLost(ranking.items());
    expect(ranking.items().every((item) => item.source === "fallback")).toBe(true);
    expect(ranking.events.at(-1)).toMatchObject({ type: "done", outcome: "first-item-timeout" });
  });

  it("keeps the first-item deadline even while text keeps coming", async () => {
    vi.useFakeTimers();
    // A space every 10 ms for 400 ms: never a stall, never an item.
    const steps: Step[] = Array.from({ length: 40 }, () => [" ", { wait: 10 }] as Step[]).flat();
    const ranking = start(["{", ...steps], { firstItemTimeoutMs: 100, stallTimeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(99);
    expect(ranking.calls[0]?.signal.aborted).toBe(false);
    const handedOut = ranking.calls[0]?.handedOut ?? 0;
    expect(handedOut).toBeGreaterThan(5); // text is still coming
    await vi.advanceTimersByTimeAsync(1);
    expect(ranking.calls[0]?.signal.aborted).toBe(true);
    await ranking.finished;
    expect(ranking.calls[0]?.handedOut).toBeLessThan(1 + 40); // stopped before the model's last space
    expect(ranking.events.at(-1)).toMatchObject({ type: "done", outcome: "first-item-timeout" });
  });

  it("aborts the model request and emits nothing more when the consumer leaves", async () => {
    const { provider, calls } = scriptedProvider([...chunked(answer("1", "2")), "stall"]);
    const leave = new AbortController();
    const seen: RankingEvent[] = [];
    const iterator = rankProducts(input(), { provider, firstItemTimeoutMs: 5000, stallTimeoutMs: 5000, signal: leave.signal, log: () => {} });
    const pending = (async () => {
      for await (const event of iterator) {
        seen.push(event);
        if (seen.length === 2) leave.abort();
      }
    })();
    await pending;
    expect(seen.map((event) => event.type)).toEqual(["item", "item"]);
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it("aborts the model request when the consumer stops iterating", async () => {
    const { provider, calls } = scriptedProvider(chunked(answer("1", "2", "3", "4", "5")));
    const seen: RankingEvent[] = [];
    for await (const event of rankProducts(input(), { provider, firstItemTimeoutMs: 5000, stallTimeoutMs: 5000 })) {
      seen.push(event);
      break;
    }
    expect(seen.map((event) => event.type)).toEqual(["item"]);
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it("asks no model when there is nothing to rank", async () => {
    const { items, done, calls } = await run([], {}, { ...input(0) });
    expect(items).toEqual([]);
    expect(calls).toHaveLength(0);
    expect(done).toMatchObject({ ranked: 0, fallback: 0, outcome: "empty", firstItemMs: null });
  });

  it("releases each item as its element closes, before the model writes the next", async () => {
    const first = '{"products":[{"id":"2","reason":"r"}';
    const released: number[] = [];
    let written = 0;
    const { provider } = scriptedProvider([]);
    provider.stream = async function* () {
      written = 1;
      yield first;
      written = 2;
      yield ',{"id":"1","reason":"r"}]}';
    };
    for await (const event of rankProducts(input(2), { provider, firstItemTimeoutMs: 5000, stallTimeoutMs: 5000 })) {
      if (event.type === "item" && event.source === "model") released.push(written);
    }
    expect(released).toEqual([1, 2]);
  });
});

describe("rankProducts with picks", () => {
  const usage = { inputTokens: 1200, cachedInputTokens: 1024, outputTokens: 40 };

  it("places the model's picks, then every other candidate at once, and stops the model as it begins one element more", async () => {
    const text = answer("4", "2", "5", "1", "3");
    const { items, done, calls } = await run(chunked(text), { picks: 2 });
    expectNothingLost(items);
    expect(order(items).slice(0, 2)).toEqual(["4:model", "2:model"]);
    expect(items.slice(2).every((item) => item.source === "fallback")).toBe(true);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, rejected: 0, outcome: "complete" });
    // Read no further than the chunk in which the third element begins.
    const thirdBegins = text.indexOf('{"id":"5"');
    expect(calls[0]?.handedOut).toBeGreaterThan(thirdBegins);
    expect(calls[0]?.handedOut).toBeLessThanOrEqual(thirdBegins + 4);
    expect(calls[0]?.signal.aborted).toBe(true);
    // Stopped before the server's usage report: counted locally, and said so.
    expect(done.usage).toMatchObject({ estimated: true, cachedInputTokens: null });
    expect(done.usage?.inputTokens).toBeGreaterThan(100);
    expect(done.usage?.outputTokens).toBeGreaterThan(5);
  });

  it("reads a model that closes its array after the picks to its end, for the server's usage report", async () => {
    const { items, done, calls } = await run([...chunked(answer("3", "1")), { usage }], { picks: 2 });
    expectNothingLost(items);
    expect(order(items).slice(0, 2)).toEqual(["3:model", "1:model"]);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "complete", usage: { ...usage, estimated: false } });
    expect(calls[0]?.signal.aborted).toBe(true); // the finished call is released too
  });

  it("releases the rest before the usage report arrives: the shopper waits for nothing more", async () => {
    // The model's text, then its usage report: noted when the pipeline asks the model for what follows the text.
    let usageAsked = false;
    const { provider } = scriptedProvider([]);
    provider.stream = async function* () {
      yield* chunked(answer("3", "1"));
      usageAsked = true;
      yield { type: "usage" as const, usage };
    };
    const seen: string[] = [];
    for await (const event of rankProducts(input(), { provider, picks: 2, firstItemTimeoutMs: 2000, stallTimeoutMs: 2000 })) {
      seen.push(`${event.type === "item" ? event.source : event.type}${usageAsked ? " (usage asked for)" : ""}`);
    }
    expect(seen).toEqual(["model", "model", "fallback", "fallback", "fallback", "done (usage asked for)"]);
  });

  it("keeps a complete ranking when the model stalls after its picks, with its usage estimated", async () => {
    const { items, done } = await run([...chunked(answer("2", "5")), "stall"], { picks: 2, stallTimeoutMs: 100 });
    expectNothingLost(items);
    expect(done).toMatchObject({ ranked: 2, fallback: 3, outcome: "complete", usage: { estimated: true } });
  });

  it("puts the candidates the model did not pick in the embedded ranker's order, with its reasons", async () => {
    const candidates = [product("1", { brand: "Plain" }), product("2", { brand: "Loved" }), product("3", { brand: "Shunned" }), product("4", { brand: "Plain" })];
    const tastes = { ...shopper, preferredBrands: ["Loved"], dislikedBrands: ["Shunned"] };
    const { items } = await run(chunked(answer("4")), { picks: 1 }, { shopper: tastes, signals: NO_SIGNALS, candidates });
    expect(order(items)).toEqual(["4:model", "2:fallback", "1:fallback", "3:fallback"]);
    expect(items[1]?.reason).toContain("You like Loved");
  });

  it("asks for the picks in a prompt whose prefix is the same for every shopper over the same candidates", async () => {
    const candidates = [product("10"), product("2"), product("1")];
    const first = await run(chunked(answer("1")), { picks: 1 }, { shopper, signals: NO_SIGNALS, candidates });
    const other = { ...shopper, id: "t2", preferredBrands: ["Acme"], searchHistory: ["gadgets"] };
    const cart = [{ id: "2", name: "Product 2", brand: "Acme", kind: "gadget", category: "electronics" }];
    const second = await run(chunked(answer("1")), { picks: 1 }, { shopper: other, signals: { ...NO_SIGNALS, cart }, candidates: [...candidates].reverse() });
    const [a, b] = [first.calls[0]!.request, second.calls[0]!.request];
    expect(a.messages.slice(0, 2)).toEqual(b.messages.slice(0, 2));
    expect(a.responseSchema).toEqual(b.responseSchema);
    expect(a.cacheKey).toBe(b.cacheKey);
    expect(a.messages[1]?.content.split("\n").slice(1).map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(["1", "2", "10"]);
    const last = a.messages.at(-1)?.content ?? "";
    expect(last).toMatch(/^SHOPPER/);
    expect(last.trim().split("\n").at(-1)).toBe("Pick the best 1 of the 3 candidates for this shopper, best first: exactly 1 element.");
    expect(a.picks).toBe(1);
  });

  it("asks for every candidate when picks is all", async () => {
    const { calls, done } = await run(chunked(answer("1", "2", "3", "4", "5")));
    expect(calls[0]?.request.picks).toBe(5);
    expect(calls[0]?.request.messages.at(-1)?.content).toMatch(/Rank all 5 candidates/);
    expect(done.ranked).toBe(5);
  });
});

describe("rankProducts without the model", () => {
  it.each(["rate-limited", "over-capacity"] as const)("%s: asks no model and serves every candidate in the embedded ranker's order", async (outcome) => {
    // An order of the shopper's tastes, not the candidates' order (1…5), its reverse, the baseline (3, 1, 2, 4, 5) or the script's.
    const candidates = [
      product("1", { brand: "Shunned" }),
      product("2"),
      product("3", { rating: 4.8 }),
      product("4", { brand: "Loved" }),
      product("5", { rating: 3 }),
    ];
    const tastes = { ...shopper, preferredBrands: ["Loved"], dislikedBrands: ["Shunned"] };
    const { items, done, calls } = await run(chunked(answer("5", "4")), { withoutModel: outcome }, { shopper: tastes, signals: NO_SIGNALS, candidates });
    expect(calls).toHaveLength(0);
    expectNothingLost(items);
    expect(order(items)).toEqual(["4:fallback", "3:fallback", "2:fallback", "5:fallback", "1:fallback"]);
    expect(items[0]?.reason).toContain("You like Loved");
    expect(items[4]?.reason).toContain("passed on Shunned");
    expect(done).toMatchObject({ ranked: 0, fallback: 5, outcome, usage: null });
  });
});
