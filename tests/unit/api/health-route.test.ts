import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { WARM_UP_HEADER, WARM_UP_PATHS, warmUpToken } from "@/lib/process/warm-up-requests";
import { warmRoutesSoon } from "@/lib/process/warm-routes";

// GET /api/health as a load balancer's readiness check (docs/architecture.md §10): "starting" until the
// server has warmed its routes after a start, then the database's answer.

/** Stands in for the server itself: holds every warm-up request until released. */
const held: ServerResponse[] = [];
const requested: { path: string; token: unknown }[] = [];
const origin = createServer((request: IncomingMessage, response: ServerResponse) => {
  requested.push({ path: request.url ?? "", token: request.headers[WARM_UP_HEADER] });
  held.push(response);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => origin.close(resolve));
});

describe("GET /api/health", () => {
  it("answers the database's state when no warm-up was started (tests, scripts)", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ database: "ok" });
  });

  it("answers 503 with Retry-After while the routes warm up after a start, then 200", async () => {
    vi.stubEnv("__NEXT_PRIVATE_ORIGIN", `http://127.0.0.1:${(origin.address() as AddressInfo).port}`);
    warmRoutesSoon();
    await vi.waitFor(() => expect(held).toHaveLength(WARM_UP_PATHS.length));
    expect(requested.map((request) => request.path).sort()).toEqual([...WARM_UP_PATHS].sort());
    // Each carries this process's token: the page and the route rank it without the model, spending no budget.
    expect(requested.every((request) => request.token === warmUpToken())).toBe(true);

    const starting = await GET();
    expect(starting.status).toBe(503);
    expect(starting.headers.get("retry-after")).toBe("1");
    expect(await starting.json()).toEqual({ error: expect.stringMatching(/starting up/), status: "starting" });

    for (const response of held.splice(0)) response.end("ok");
    await vi.waitFor(async () => expect((await GET()).status).toBe(200));
  });

  it("does not stay starting when the warm-up fails", async () => {
    vi.stubEnv("__NEXT_PRIVATE_ORIGIN", "http://127.0.0.1:9"); // nothing listens there
    warmRoutesSoon();
    await vi.waitFor(async () => expect((await GET()).status).toBe(200));
  });
});
