import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { rankingEventSchema, type RankedItem, type RankingEvent, type RankingSummary } from "@/lib/ranking/pipeline/events";
import type { PreparedRanking } from "@/lib/ranking/service/query";

// The per-process cap on open model streams (AISLE_MAX_MODEL_STREAMS) as the ranking service applies it: a
// ranking that finds no slot (none freed within the wait, or the line is full) is the embedded ranker's order,
// whole, with outcome `over-capacity` and no model call; a freed slot goes to the next ranking, which gets the model.
// One slot here, the simulated model at full speed.

const ALL_IDS = PRODUCTS.map((product) => product.id).sort();

let service: typeof import("@/lib/ranking/service/start-ranking");
let slotsModule: typeof import("@/lib/ranking/service/limits/model-slots");
let GET: (request: NextRequest) => Promise<Response>;
let prepare: (shopper: string) => Promise<PreparedRanking>;
let modelCalls: MockInstance;

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_MAX_MODEL_STREAMS", "1");
  vi.stubEnv("AISLE_RANKINGS_PER_MINUTE", "100000");
  const { getConfig } = await import("@/lib/config/env");
  const { getProvider } = await import("@/lib/llm/provider");
  const query = await import("@/lib/ranking/service/query");
  service = await import("@/lib/ranking/service/start-ranking");
  slotsModule = await import("@/lib/ranking/service/limits/model-slots");
  ({ GET } = await import("@/app/api/rankings/route"));
  modelCalls = vi.spyOn(getProvider(getConfig()), "stream");
  prepare = async (shopper) => {
    const prepared = await query.prepareRanking({ shopper }, getConfig().maxCandidates);
    if (!prepared.ok) throw new Error(prepared.error);
    return prepared.value;
  };
});

/** Slots a test holds, given back after it whatever happened (so one failure does not fail the tests after it). */
const held: (() => void)[] = [];

afterEach(() => {
  vi.useRealTimers();
  modelCalls.mockClear();
  for (const release of held.splice(0)) release();
});

const slots = () => slotsModule.processModelSlots(1);

/** Takes a slot for the test; it must be free. */
async function takeSlot(): Promise<() => void> {
  const release = await slots().acquire(0);
  if (!release) throw new Error("the slot is not free");
  held.push(release);
  return release;
}

function split(events: RankingEvent[]): { items: RankedItem[]; done: RankingSummary } {
  const items = events.filter((event): event is RankedItem => event.type === "item");
  expect(events.filter((event) => event.type === "done")).toHaveLength(1);
  expect(events.at(-1)?.type).toBe("done");
  return { items, done: events.at(-1) as RankingSummary };
}

/** Every candidate exactly once, ranks 1..n, none by the model, and a done line that says so. */
function expectOverCapacity({ items, done }: { items: RankedItem[]; done: RankingSummary }) {
  expect(items.map((item) => item.id).sort()).toEqual(ALL_IDS);
  expect(items.map((item) => item.rank)).toEqual(items.map((_, index) => index + 1));
  expect(items.every((item) => item.source === "fallback")).toBe(true);
  expect(done).toMatchObject({ outcome: "over-capacity", ranked: 0, fallback: PRODUCTS.length, rejected: 0, replay: false, usage: null });
  expect(modelCalls).not.toHaveBeenCalled();
}

/** The model's picks first (24 by default), then the rest, every candidate once. */
function expectModelRanked({ items, done }: { items: RankedItem[]; done: RankingSummary }) {
  expect(items.map((item) => item.id).sort()).toEqual(ALL_IDS);
  expect(items.slice(0, 24).every((item) => item.source === "model")).toBe(true);
  expect(items.slice(24).every((item) => item.source === "fallback")).toBe(true);
  expect(done).toMatchObject({ outcome: "complete", ranked: 24, fallback: PRODUCTS.length - 24, replay: false });
  expect(modelCalls).toHaveBeenCalledTimes(1);
}

async function ndjson(response: Response): Promise<RankingEvent[]> {
  expect(response.status).toBe(200);
  const text = await response.text();
  return text.trimEnd().split("\n").map((line) => rankingEventSchema.parse(JSON.parse(line)));
}

describe("the model-slot cap, through the ranking service", () => {
  it("with the only slot taken, a ranking waits its turn, then is served whole without the model: over-capacity", async () => {
    const prepared = await prepare("12345");
    const hold = await takeSlot();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const events: RankingEvent[] = [];
    const ranked = (async () => {
      for await (const event of service.rankLive(prepared, new AbortController().signal)) events.push(event);
    })();
    await vi.advanceTimersByTimeAsync(slotsModule.SLOT_WAIT_MS - 1);
    // Still waiting for a slot: nothing yet.
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await ranked;
    expectOverCapacity(split(events));
    // It took no slot, and an over-capacity ranking is not stored for replay.
    expect(slots().open).toBe(1);
    expect(await service.findReplay(prepared)).toBeUndefined();
    hold();
    expect(slots().open).toBe(0);
  });

  it("through GET /api/rankings: the slot taken and the line full, the ranking is whole at once, done says over-capacity", async () => {
    const hold = await takeSlot();
    // Two rankings a slot may wait; these give up only long after the test.
    const line = [slots().acquire(60_000), slots().acquire(60_000)];
    expectOverCapacity(split(await ndjson(await GET(new NextRequest("http://localhost/api/rankings?shopper=runner-maya")))));
    // The freed slot passes down the line: never more than one open.
    hold();
    const first = await line[0];
    expect(first).toBeTypeOf("function");
    expect(slots().open).toBe(1);
    first?.();
    const second = await line[1];
    expect(second).toBeTypeOf("function");
    expect(slots().open).toBe(1);
    second?.();
    expect(slots().open).toBe(0);
  });

  it("once the slot is free, the same ranking gets the model again (it was not stored), and gives the slot back", async () => {
    const events = await ndjson(await GET(new NextRequest("http://localhost/api/rankings?shopper=runner-maya")));
    expectModelRanked(split(events));
    expect(slots().open).toBe(0);
    modelCalls.mockClear();
    let openWhileStreaming: number | undefined;
    const prepared = await prepare("chef-omar");
    const again: RankingEvent[] = [];
    for await (const event of service.startRanking(prepared, new AbortController().signal)) {
      if (event.type === "item" && event.rank === 1) openWhileStreaming = slots().open;
      again.push(event);
    }
    expectModelRanked(split(again));
    expect(openWhileStreaming).toBe(1);
    expect(slots().open).toBe(0);
  });

  it("a ranking waiting in line gets the slot the moment it is released, and the model", async () => {
    const prepared = await prepare("reader-lin");
    const hold = await takeSlot();
    const ranking = service.rankLive(prepared, new AbortController().signal);
    // Runs up to its wait for a slot: it is in line now.
    const first = ranking.next();
    hold();
    const events: RankingEvent[] = [];
    const head = await first;
    if (!head.done) events.push(head.value);
    for await (const event of ranking) events.push(event);
    expectModelRanked(split(events));
    expect(slots().open).toBe(0);
  });
});
