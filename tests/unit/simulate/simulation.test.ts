import { afterEach, describe, expect, it } from "vitest";
import type { ShopperCase } from "@/simulate/population";
import { runSimulation } from "@/simulate/simulation";
import { startFakeStore, type FakeStore } from "./fake-store";

// runSimulation against a fake store on 127.0.0.1 (./fake-store.ts): its "model" arm puts each query's relevant
// products first, its "embedded" arm (the control) puts them last.

const cases: ShopperCase[] = [
  { id: "t#tents", q: "tents", relevance: { "20": 3, "21": 3, "22": 1 }, landing: "20" },
  { id: "t#mats", q: "mats", relevance: { "25": 3, "26": 2 }, landing: "25" },
  { id: "t#blenders", q: "blenders", relevance: { "28": 2, "29": 3 }, landing: "29" },
];
const grades = Object.fromEntries(cases.map((c) => [c.q ?? "", c.relevance]));

let store: FakeStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe("runSimulation", () => {
  it("finds the arm that puts relevant products first truly better, and sets the store's figures beside it", async () => {
    store = await startFakeStore({ grades });
    const result = await runSimulation({ url: store.url, shoppers: 120, seed: 5, concurrency: 6, token: "secret", cases, insightsPauseMs: 10 });

    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.visits).toEqual({ planned: 120, started: 120, failed: 0, stoppedByTime: false });
    expect(result.rankings).toBe(120);
    const { model, embedded } = result.truth.arms;
    expect(model && embedded).toBeTruthy();
    expect(model!.ctr).toBeGreaterThan(embedded!.ctr);
    expect(model!.purchaseRate).toBeGreaterThan(embedded!.purchaseRate);
    expect(model!.revenuePer1000).toBeGreaterThan(embedded!.revenuePer1000);

    const row = result.comparison.find((r) => r.arm === "model" && r.metric === "ctr");
    expect(row?.trueLift).toBeCloseTo(model!.ctr / embedded!.ctr - 1, 12);
    expect(row?.reportedLift).not.toBeNull();
    expect(row?.inside).toBe(true); // the fake's intervals are ±1000%
    expect(result.comparison.find((r) => r.arm === "embedded" && r.metric === "ctr")?.inside).toBeNull();
    expect(result.insights?.arms.model?.rankings).toBeGreaterThan(0);
    expect(result.clicks).toBeGreaterThan(0);
    expect(result.orders).toBeGreaterThan(0);
    expect(result.unpriced).toEqual([]);
  });

  it("visits as a browser does: a page for the cookie, the ranking, then click → page → cart, and checkout, all with the cookie", async () => {
    store = await startFakeStore({ grades });
    const result = await runSimulation({ url: store.url, shoppers: 40, seed: 2, concurrency: 1, cases });
    expect(result.orders).toBeGreaterThan(0);

    const flows = new Map<string, string[]>();
    for (const request of store.requests) {
      // Only a product page is ever asked for without the cookie: the first of a browser's requests.
      if (!request.cookie) expect(request).toMatchObject({ method: "GET", path: expect.stringMatching(/^\/products\//) });
      else expect(request.cookie).toBe(`aisle-browser=${request.browser}`);
      const flow = flows.get(request.browser ?? "") ?? [];
      flows.set(request.browser ?? "", [...flow, `${request.method} ${request.path.replace(/\/products\/.+/, "/products/:id")}`]);
    }
    // Each shopper: landing page → ranking → (click event → product page → cart?)* → order?; a price lookup is one page.
    const visit = /^GET \/products\/:id,GET \/api\/rankings(?:,POST \/api\/events,GET \/products\/:id(?:,POST \/api\/cart)?)*(?:,POST \/api\/orders)?$/;
    const shoppers = [...flows.values()].filter((flow) => flow.includes("GET /api/rankings"));
    expect(shoppers).toHaveLength(40);
    // The rest: pages opened only to read a price, each product at most once.
    const priced = store.requests.filter((request) => request.browser && !flows.get(request.browser)?.includes("GET /api/rankings")).map((request) => request.path);
    expect(priced.every((path) => path.startsWith("/products/"))).toBe(true);
    expect(new Set(priced).size).toBe(priced.length);
    for (const flow of shoppers) expect(flow.join(",")).toMatch(visit);
    expect(shoppers.filter((flow) => flow.at(-1) === "POST /api/orders")).toHaveLength(result.orders);
    expect(shoppers.reduce((n, flow) => n + flow.filter((step) => step === "POST /api/events").length, 0)).toBe(result.clicks);
  });
  it("starts no visit after --max-seconds and says how many ran", async () => {
    store = await startFakeStore({ grades, rankingDelayMs: 100 });
    const started = Date.now();
    const result = await runSimulation({ url: store.url, shoppers: 1000, seed: 1, concurrency: 2, maxSeconds: 0.5, cases });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.visits.stoppedByTime).toBe(true);
    expect(result.visits.started).toBeGreaterThan(0);
    expect(result.visits.started).toBeLessThan(40);
    expect(result.warnings.join("\n")).toMatch(/no --token/);
  });

  it("counts a failed step instead of crashing, and is not ok past 1% failed visits", async () => {
    store = await startFakeStore({ grades, products: 5 }); // every landing product is beyond the catalog: 404
    const result = await runSimulation({ url: store.url, shoppers: 10, seed: 1, cases });
    expect(result.visits.failed).toBe(10);
    expect(result.failures).toEqual([expect.objectContaining({ kind: "landing page 404", count: 10 })]);
    expect(result.ok).toBe(false);
  });

  it("reads /api/insights again while the store has not yet counted the run's rankings", async () => {
    store = await startFakeStore({ grades, staleInsightsReads: 2 });
    const result = await runSimulation({ url: store.url, shoppers: 20, seed: 1, token: "secret", cases, insightsPauseMs: 10 });
    expect(result.insights?.arms.model?.rankings).toBeGreaterThan(0);
    expect(store.requests.filter((request) => request.path === "/api/insights")).toHaveLength(3);
    expect(result.warnings).toEqual([]);
  });

  it("says the rankings budget is spent when the store answers 429", async () => {
    store = await startFakeStore({ grades, rateLimited: true });
    const result = await runSimulation({ url: store.url, shoppers: 5, seed: 1, cases });
    expect(result.failures).toEqual([expect.objectContaining({ kind: "ranking 429", count: 5 })]);
    expect(result.warnings.join("\n")).toMatch(/AISLE_RANKINGS_PER_MINUTE/);
  });

  it("refuses a URL that is not http(s)", async () => {
    await expect(runSimulation({ url: "file:///etc/passwd", shoppers: 1, cases })).rejects.toThrow(/http/);
  });
});
