import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { flushAttribution } from "@/lib/insights/record/batched-writes";
import { rankingEventSchema, type RankedItem, type RankingSummary } from "@/lib/ranking/pipeline/events";

// GET /api/insights: the operator's only, and its figures per arm from what browsers were shown and did.

let insights: (request: NextRequest) => Promise<Response>;
let rankings: (request: NextRequest) => Promise<Response>;
let events: (request: NextRequest) => Promise<Response>;
const TOKEN = "operator-token-for-tests";

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_EXPERIMENT", "embedded:50,popular:50");
  vi.stubEnv("AISLE_ADMIN_TOKEN", TOKEN);
  ({ GET: insights } = await import("@/app/api/insights/route"));
  ({ GET: rankings } = await import("@/app/api/rankings/route"));
  ({ POST: events } = await import("@/app/api/events/route"));
});

const ask = (headers: Record<string, string> = {}, query = "") => insights(new NextRequest(`http://localhost/api/insights${query}`, { headers }));

async function visit(clicks: (arm: string | undefined) => boolean) {
  const browser = crypto.randomUUID();
  const response = await rankings(new NextRequest("http://localhost/api/rankings?shopper=me&category=books", { headers: { cookie: `aisle-browser=${browser}` } }));
  const lines = (await response.text()).trimEnd().split("\n").map((line) => rankingEventSchema.parse(JSON.parse(line)));
  const done = lines.at(-1) as RankingSummary;
  const first = lines[0] as RankedItem;
  if (clicks(done.arm)) {
    const body = JSON.stringify({ events: [{ id: crypto.randomUUID(), type: "click", rankingId: done.rankingId, productId: first.id, position: 1, source: first.source }] });
    const sent = await events(new NextRequest("http://localhost/api/events", { method: "POST", body, headers: { "content-type": "application/json", cookie: `aisle-browser=${browser}` } }));
    expect(sent.status).toBe(202);
  }
  return done.arm;
}

describe("GET /api/insights", () => {
  it("answers 401 without the token or with a wrong one, the same way", async () => {
    const refused: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { authorization: `Basic ${TOKEN}` }, { cookie: "aisle-admin=00" }];
    for (const headers of refused) {
      const response = await ask(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "Unauthorized." });
    }
  });

  it("refuses a bad period with a 400", async () => {
    expect((await ask({ authorization: `Bearer ${TOKEN}` }, "?from=yesterday")).status).toBe(400);
    expect((await ask({ authorization: `Bearer ${TOKEN}` }, "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")).status).toBe(400);
  });

  it("reports each arm's shoppers, rankings, CTR and position, with lift against the control", async () => {
    const arms = { embedded: 0, popular: 0 };
    let clicked = 0;
    // Every other embedded shopper opens the first card; no popular shopper opens anything.
    for (let index = 0; index < 30; index++) {
      const arm = await visit((shown) => shown === "embedded" && index % 2 === 0);
      if (arm === "embedded" && index % 2 === 0) clicked++;
      arms[arm as "embedded" | "popular"]++;
    }
    await flushAttribution();
    const response = await ask({ authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { control: string; arms: Record<string, Record<string, unknown>>; srm: { p: number | null; ok: boolean }; enoughData: boolean };
    expect(report.control).toBe("embedded");
    expect(Object.keys(report.arms).sort()).toEqual(["embedded", "popular"]);
    const embedded = report.arms.embedded as { shoppers: number; rankings: number; ctr: number; meanClickPosition: number; lift: Record<string, unknown> };
    const popular = report.arms.popular as { shoppers: number; ctr: number; lift: { ctr: { value: number; ci: number[]; p: number } } };
    expect(clicked).toBeGreaterThan(0);
    expect(embedded.shoppers).toBe(arms.embedded);
    expect(embedded.rankings).toBe(arms.embedded);
    expect(embedded.ctr).toBeCloseTo(clicked / arms.embedded, 10);
    expect(embedded.meanClickPosition).toBe(1);
    expect(embedded.lift.ctr).toBeNull();
    expect(popular.shoppers).toBe(arms.popular);
    expect(popular.ctr).toBe(0);
    expect(popular.lift.ctr.value).toBeCloseTo(-1, 5);
    expect(report.enoughData).toBe(false);
    expect(typeof report.srm.ok).toBe("boolean");
  });
});

describe("GET /api/insights with no token configured", () => {
  it("does not exist", async () => {
    vi.resetModules();
    vi.stubEnv("AISLE_ADMIN_TOKEN", "");
    const { GET } = await import("@/app/api/insights/route");
    const response = await GET(new NextRequest("http://localhost/api/insights", { headers: { authorization: "Bearer anything" } }));
    expect(response.status).toBe(404);
  });
});
