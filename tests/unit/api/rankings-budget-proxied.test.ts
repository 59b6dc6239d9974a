import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { BROWSER_COOKIE } from "@/lib/browser/browser-id";
import { PEER_HEADER } from "@/lib/http/client-address";
import { freshRankings } from "@/tests/support/fresh-rankings";

// The per-client budget behind one trusted reverse proxy (AISLE_TRUSTED_PROXIES=1): every request comes from
// the proxy's socket, and the client is the address the proxy appended to X-Forwarded-For. What a client
// wrote into that header itself (the entries left of the proxy's) buys it no fresh budget.
let GET: (request: NextRequest) => Promise<Response>;
const PER_MINUTE = 2;
const PROXY = "10.255.0.1";

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_RANKINGS_PER_MINUTE", String(PER_MINUTE));
  vi.stubEnv("AISLE_TRUSTED_PROXIES", "1");
  ({ GET } = await import("@/app/api/rankings/route"));
});

const fresh = freshRankings();

/** A request as the proxy passes it on: from its socket, X-Forwarded-For = what the client sent + the client's address. */
async function viaProxy(forwardedFor: string, browserId = randomUUID()): Promise<number> {
  const headers = { [PEER_HEADER]: PROXY, "x-forwarded-for": forwardedFor, cookie: `${BROWSER_COOKIE}=${browserId}` };
  const response = await GET(new NextRequest(`http://localhost/api/rankings${fresh()}`, { headers }));
  await response.text();
  return response.status;
}

describe("the per-client budget behind one trusted proxy", () => {
  it("counts the address the proxy appended: spoofed left-most entries and fresh cookies do not make a fresh budget", async () => {
    const statuses = [];
    for (const sent of ["", "198.51.100.1", "198.51.100.2, 198.51.100.3", "10.0.0.1", "127.0.0.1", "203.0.113.99"]) {
      statuses.push(await viaProxy(sent ? `${sent}, 203.0.113.10` : "203.0.113.10"));
    }
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
  });

  it("gives each address the proxy appended a budget of its own, though all come from the proxy's socket", async () => {
    expect(await viaProxy("203.0.113.11")).toBe(200);
    expect(await viaProxy("203.0.113.10, 203.0.113.12")).toBe(200);
    expect(await viaProxy("203.0.113.13")).toBe(200);
  });

  it("a cookie's budget holds across the addresses the proxy appended", async () => {
    const browserId = randomUUID();
    const statuses = [];
    for (const address of ["203.0.113.20", "203.0.113.21", "203.0.113.22"]) statuses.push(await viaProxy(address, browserId));
    expect(statuses).toEqual([200, 200, 429]);
  });
});
