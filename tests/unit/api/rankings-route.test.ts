import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { WARM_UP_HEADER, warmUpToken } from "@/lib/process/warm-up-requests";
import { rankingEventSchema, type RankedItem, type RankingSummary } from "@/lib/ranking/pipeline/events";

// GET /api/rankings as a client sees it (docs/architecture.md §2), with the simulated model at full speed.
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_SIM_TTFT_MS", "0");
  vi.stubEnv("AISLE_SIM_TOKENS_PER_SECOND", "100000");
  ({ GET } = await import("@/app/api/rankings/route"));
});

const call = (query: string) => GET(new NextRequest(`http://localhost/api/rankings${query}`));

async function lines(response: Response) {
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  const events = text.trimEnd().split("\n").map((line) => rankingEventSchema.parse(JSON.parse(line)));
  const items = events.filter((event): event is RankedItem => event.type === "item");
  const done = events.at(-1) as RankingSummary;
  expect(events.filter((event) => event.type === "done")).toHaveLength(1);
  return { items, done };
}

describe("GET /api/rankings", () => {
  it("streams the model's 24 picks, the MacBook Air ahead of the seed's other nine, then every other product once", async () => {
    const response = await call("?shopper=12345");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { items, done } = await lines(response);
    expect(items.map((item) => item.id).sort()).toEqual(PRODUCTS.map((product) => product.id).sort());
    expect(items.slice(0, 24).every((item) => item.source === "model")).toBe(true);
    expect(items.slice(24).every((item) => item.source === "fallback")).toBe(true);
    expect(items.map((item) => item.rank)).toEqual(items.map((_, index) => index + 1));
    expect(items.map((item) => item.id).filter((id) => Number(id) <= 10)[0]).toBe("1");
    expect(done).toMatchObject({ ranked: 24, fallback: PRODUCTS.length - 24, rejected: 0, model: "aisle-simulated-ranker", replay: false, outcome: "complete", arm: "model" });
    expect(done.rankingId).toMatch(/^[0-9a-f-]{36}$/);
    // The simulated model reports its usage as a server does.
    expect(done.usage).toMatchObject({ estimated: false, cachedInputTokens: null });
    expect(done.usage?.outputTokens).toBeGreaterThan(24 * 10);
    expect(done.firstItemMs).toBeTypeOf("number");
    expect(done.totalMs).toBeGreaterThanOrEqual(done.firstItemMs ?? 0);
  });

  it("narrows the candidates by q and category, and says in the done line how many matched and how q was read", async () => {
    const ids = (items: readonly RankedItem[]) => items.map((item) => item.id).sort();
    // The products that match, read off lib/catalog/data/products.ts by hand; related products follow them.
    const headphones = await lines(await call("?shopper=12345&q=HEADPHONES"));
    expect(headphones.done).toMatchObject({ matches: 4 });
    expect(headphones.done).not.toHaveProperty("corrected");
    expect(ids(headphones.items.slice(0, 4))).toEqual(["15", "16", "17", "2"]);
    const books = await lines(await call("?shopper=12345&category=books"));
    expect(ids(books.items)).toEqual(PRODUCTS.filter((product) => product.category === "books").map((product) => product.id).sort());
    expect(books.done).toMatchObject({ matches: books.items.length });
    // Both at once: "waterproof" alone also finds 56 and 62, in outdoors.
    const both = await lines(await call("?shopper=12345&q=waterproof&category=electronics"));
    expect(both.done).toMatchObject({ matches: 2 });
    expect(ids(both.items.slice(0, 2))).toEqual(["4", "8"]);
    expect(both.items.every((item) => PRODUCTS.find((product) => product.id === item.id)?.category === "electronics")).toBe(true);
    const typo = await lines(await call("?shopper=12345&q=hedphones"));
    expect(typo.done).toMatchObject({ matches: 4, corrected: "headphones" });
  });

  it("ranks the server's own warm-up whole without the model and without its budget; a forged token is a client like any", async () => {
    const db = await getDb();
    const budgetRows = async () => (await db.select().from(rateLimits)).length;
    const before = await budgetRows();
    const warmUp = await lines(await GET(new NextRequest("http://localhost/api/rankings?shopper=runner-maya&q=tent", { headers: { [WARM_UP_HEADER]: warmUpToken(), cookie: "aisle-browser=9b2f6a52-4d1b-4f6e-9c1e-0a7d3c5b8e11" } })));
    expect(warmUp.done).toMatchObject({ ranked: 0, outcome: "over-capacity" });
    expect(warmUp.items.length).toBeGreaterThan(0);
    expect(await budgetRows()).toBe(before);
    const forged = await lines(await GET(new NextRequest("http://localhost/api/rankings?shopper=runner-maya&q=tents", { headers: { [WARM_UP_HEADER]: "guess", cookie: "aisle-browser=9b2f6a52-4d1b-4f6e-9c1e-0a7d3c5b8e12" } })));
    expect(forged.done).toMatchObject({ outcome: "complete" });
    expect(forged.done.ranked).toBeGreaterThan(0);
    expect(await budgetRows()).toBeGreaterThan(before);
  });

  it("answers an empty ranking, not an error, when nothing matches", async () => {
    const { items, done } = await lines(await call("?shopper=12345&q=zzzz-no-such-thing"));
    expect(items).toEqual([]);
    expect(done).toMatchObject({ ranked: 0, fallback: 0, outcome: "empty" });
  });

  it.each([
    ["", 'parameter "shopper" is required'],
    ["?shopper=", "shopper"],
    ["?shopper=nobody", 'unknown shopper "nobody"'],
    ["?shopper=12345&shopper=12345", 'parameter "shopper" is given 2 times'],
    ["?shopper=12345&q=a&q=b", 'parameter "q" is given 2 times'],
    ["?shopper=12345&category=spaceships", 'unknown category "spaceships"'],
    ["?shopper=12345&category=Not%20A%20Slug", "category"],
    [`?shopper=12345&q=${"x".repeat(201)}`, "longer than 200"],
    ["?shopper=%3Cscript%3E", "shopper"],
  ])("answers 400 with a JSON error for %s", async (query, message) => {
    const response = await call(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain(message);
  });
});

describe("GET /api/rankings, headers first", () => {
  it("sends an empty first chunk, so the status and headers leave before the model's first item", async () => {
    const response = await call("?shopper=12345&category=books");
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(0);
    await reader.cancel();
  });
});
