import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BROWSER_COOKIE } from "@/lib/browser/browser-id";
import { PEER_HEADER } from "@/lib/http/client-address";
import { serveRoute, type Answer, type RouteServer } from "@/tests/support/route-over-http";
import { freshRankings } from "@/tests/support/fresh-rankings";

// The per-client budget of fresh model rankings (AISLE_RANKINGS_PER_MINUTE) with no trusted proxy: a client
// is its browser cookie and its socket's address, and each must have a ranking left. Nothing a client writes
// in its headers (another cookie, X-Forwarded-For, x-aisle-peer) gets it a fresh budget at the same address.
let GET: (request: NextRequest) => Promise<Response>;
let server: RouteServer;
const PER_MINUTE = 2;

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_RANKINGS_PER_MINUTE", String(PER_MINUTE));
  vi.stubEnv("AISLE_TRUSTED_PROXIES", "0");
  ({ GET } = await import("@/app/api/rankings/route"));
  server = await serveRoute(GET);
});

afterAll(async () => {
  await server?.close();
});

// Every request asks for a ranking not asked before in this file (a replay is free and would prove nothing).
const fresh = freshRankings();
const cookie = (browserId: string) => `${BROWSER_COOKIE}=${browserId}`;

/** As the app's server hands a request on: its socket's address stamped in x-aisle-peer. */
async function call(address: string, browserId?: string): Promise<Answer> {
  const headers: Record<string, string> = { [PEER_HEADER]: address };
  if (browserId) headers.cookie = cookie(browserId);
  const response = await GET(new NextRequest(`http://localhost/api/rankings${fresh()}`, { headers }));
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

function expectRefused(answer: Answer) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((JSON.parse(answer.body) as { error: string }).error).toContain(`at most ${PER_MINUTE} a minute`);
}

describe("the per-client budget, no trusted proxy", () => {
  it("over HTTP: once an address's budget is spent, a fresh cookie with a spoofed X-Forwarded-For or x-aisle-peer is still refused", async () => {
    const browserId = randomUUID();
    for (let i = 0; i < PER_MINUTE; i++) expect((await server.get(`/api/rankings${fresh()}`, { cookie: cookie(browserId) })).status).toBe(200);
    const dodges: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.21" },
      { [PEER_HEADER]: "203.0.113.22" },
      { "x-forwarded-for": "203.0.113.23", [PEER_HEADER]: "203.0.113.23" },
      { "x-forwarded-for": "203.0.113.24, 127.0.0.1" },
      {},
    ];
    const answers: Answer[] = [];
    // Each with a cookie never seen: only the address can refuse it.
    for (const dodge of dodges) answers.push(await server.get(`/api/rankings${fresh()}`, { ...dodge, cookie: cookie(randomUUID()) }));
    expect(answers.map((answer) => answer.status)).toEqual(dodges.map(() => 429));
    for (const answer of answers) expectRefused(answer);
  });

  it("a new cookie for every ranking does not escape the address's budget", async () => {
    const statuses = [];
    for (let i = 0; i < PER_MINUTE + 3; i++) statuses.push((await call("10.0.1.1", randomUUID())).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
  });

  it("a cookie's budget holds across addresses", async () => {
    const browserId = randomUUID();
    const answers = [];
    for (const address of ["10.0.2.1", "10.0.2.2", "10.0.2.3", "10.0.2.4"]) answers.push(await call(address, browserId));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429, 429]);
    expectRefused(answers[2] as Answer);
    // Another browser at another address is not affected.
    expect((await call("10.0.2.9", randomUUID())).status).toBe(200);
  });
});
