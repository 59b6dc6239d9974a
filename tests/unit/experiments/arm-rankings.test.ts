import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { baselineOrder } from "@/lib/catalog/baseline-order";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { rankingEventSchema, type RankedItem, type RankingSummary } from "@/lib/ranking/pipeline/events";

// An experiment whose only arm is `popular`: every ranking is the baseline order, no model call, no budget.
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_EXPERIMENT", "popular:1");
  vi.stubEnv("AISLE_RANKINGS_PER_MINUTE", "0");
  ({ GET } = await import("@/app/api/rankings/route"));
});

async function lines(query: string) {
  const response = await GET(new NextRequest(`http://localhost/api/rankings${query}`, { headers: { cookie: `aisle-browser=${crypto.randomUUID()}` } }));
  expect(response.status).toBe(200);
  const events = (await response.text()).trimEnd().split("\n").map((line) => rankingEventSchema.parse(JSON.parse(line)));
  return { items: events.filter((event): event is RankedItem => event.type === "item"), done: events.at(-1) as RankingSummary };
}

describe("an experiment arm without the model", () => {
  it("ranks the baseline order, every item a fallback, with its arm and a ranking id on the done line, spending no budget", async () => {
    // A budget of 0 fresh model rankings: an arm with the model would be rate-limited (429).
    const { items, done } = await lines("?shopper=12345&category=books");
    const books = baselineOrder(PRODUCTS.filter((product) => product.category === "books"));
    expect(items.map((item) => item.id)).toEqual(books.map((product) => product.id));
    expect(items.every((item) => item.source === "fallback")).toBe(true);
    expect(items[0]?.reason).toMatch(/^Popular: rated \d\.\d by [\d,]+ shoppers\.$/);
    expect(done).toMatchObject({ arm: "popular", ranked: 0, fallback: items.length, outcome: "complete", replay: false, usage: null });
    expect(done.rankingId).toMatch(/^[0-9a-f-]{36}$/);
    // Never stored, so never replayed.
    expect((await lines("?shopper=12345&category=books")).done.replay).toBe(false);
  });
});
