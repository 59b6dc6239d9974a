import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PEER_HEADER } from "@/lib/http/client-address";

// GET /api/rankings past a client's budget of fresh model rankings, and while the database is away.
let GET: (request: NextRequest) => Promise<Response>;
const outage = { on: false };

vi.mock("@/lib/ranking/service/query", async (original) => {
  const actual = await original<typeof import("@/lib/ranking/service/query")>();
  return {
    ...actual,
    prepareRanking: (...args: Parameters<typeof actual.prepareRanking>) =>
      outage.on ? Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" })) : actual.prepareRanking(...args),
  };
});

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_SIM_TTFT_MS", "0");
  vi.stubEnv("AISLE_SIM_TOKENS_PER_SECOND", "100000");
  vi.stubEnv("AISLE_RANKINGS_PER_MINUTE", "2");
  ({ GET } = await import("@/app/api/rankings/route"));
});

const call = (query: string, address: string) => GET(new NextRequest(`http://localhost/api/rankings${query}`, { headers: { [PEER_HEADER]: address } }));

describe("GET /api/rankings limits", () => {
  it("answers 429 with Retry-After once a client's fresh rankings are spent; replays are free; another client is not affected", async () => {
    expect((await call("?shopper=12345&category=books", "10.0.0.1")).status).toBe(200);
    await (await call("?shopper=12345&category=books", "10.0.0.1")).text(); // a replay: free
    expect((await call("?shopper=12345&category=fitness", "10.0.0.1")).status).toBe(200);
    const refused = await call("?shopper=12345&category=beauty", "10.0.0.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toContain("at most 2 a minute");
    expect((await call("?shopper=12345&category=beauty", "10.0.0.2")).status).toBe(200);
  });

  it("answers 503 with Retry-After and a JSON error while the database is not answering, and recovers", async () => {
    outage.on = true;
    const down = await call("?shopper=12345&category=outdoors", "10.0.0.3");
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(((await down.json()) as { error: string }).error).toContain("not answering");
    outage.on = false;
    expect((await call("?shopper=12345&category=outdoors", "10.0.0.3")).status).toBe(200);
  });
});
