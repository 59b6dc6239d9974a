import { EventEmitter } from "node:events";
import { createServer, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addToBrowserCart } from "@/lib/cart/add-to-browser-cart";
import { getDb } from "@/lib/db/client";
import { nodeRoute } from "@/lib/http/node-route";
import { interactions, showings } from "@/lib/db/schema";
import { answerBeacon } from "@/lib/insights/record/answer-beacon";
import { flushAttribution } from "@/lib/insights/record/batched-writes";
import { MAX_EVENTS_BODY_BYTES } from "@/lib/insights/record/event-input";
import { recordClicks } from "@/lib/insights/record/interactions";
import { checkout } from "@/lib/orders/checkout";
import { rankingEventSchema, type RankedItem, type RankingSummary } from "@/lib/ranking/pipeline/events";
import { launcherRoute, offerToLauncher } from "@/lib/process/launcher-routes";
import { countPage, workWaitingForPages } from "@/lib/process/page-traffic";
import { forgetBrowser, storedRows } from "@/lib/shoppers/forget";

// Attribution end to end through the store's own routes and doors: a ranking shown to a browser, a click
// reported by beacon, an add to cart, an order — and what must not count. Beacons go through both of their
// doors: Next's route handler, and the `npm start` launcher's (a real HTTP server on 127.0.0.1, the route
// offered to it as instrumentation.ts does).

let rankings: (request: NextRequest) => Promise<Response>;
let events: (request: NextRequest) => Promise<Response>;
let launcher: Server;
let launcherOrigin: string;

beforeAll(async () => {
  vi.stubEnv("AISLE_PROVIDER", "simulated");
  vi.stubEnv("AISLE_EXPERIMENT", "embedded:1");
  vi.stubEnv("AISLE_ATTRIBUTION_HOURS", "24");
  ({ GET: rankings } = await import("@/app/api/rankings/route"));
  ({ POST: events } = await import("@/app/api/events/route"));
  offerToLauncher("POST", "/api/events", nodeRoute(answerBeacon, { readAtMost: MAX_EVENTS_BODY_BYTES }));
  launcher = createServer((request, response) => {
    const route = launcherRoute(request);
    if (route) void route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => launcher.listen(0, "127.0.0.1", resolve));
  launcherOrigin = `http://127.0.0.1:${(launcher.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => launcher.close(() => resolve())));

const cookie = (browser: string) => ({ cookie: `aisle-browser=${browser}` });

async function showRanking(browser: string, query = "?shopper=me&category=books") {
  const response = await rankings(new NextRequest(`http://localhost/api/rankings${query}`, { headers: cookie(browser) }));
  const lines = (await response.text()).trimEnd().split("\n").map((line) => rankingEventSchema.parse(JSON.parse(line)));
  const done = lines.at(-1) as RankingSummary;
  return { items: lines.filter((line): line is RankedItem => line.type === "item"), rankingId: done.rankingId ?? "", arm: done.arm };
}

type Door = "route" | "launcher";

function post(browser: string | undefined, body: string, headers: Record<string, string> = {}, door: Door = "route") {
  const sent = { "content-type": "text/plain;charset=UTF-8", ...(browser ? cookie(browser) : {}), ...headers };
  if (door === "launcher") return fetch(`${launcherOrigin}/api/events`, { method: "POST", body, headers: sent });
  return events(new NextRequest("http://localhost/api/events", { method: "POST", body, headers: { host: "localhost", ...sent } }));
}

const click = (rankingId: string, item: RankedItem, id: string = crypto.randomUUID()) => ({ id, type: "click" as const, rankingId, productId: item.id, position: item.rank, source: item.source });

function cardAt(items: readonly RankedItem[], index: number): RankedItem {
  const card = items[index];
  if (!card) throw new Error(`no card at ${index}`);
  return card;
}

async function rowsOf(browser: string) {
  await flushAttribution();
  const db = await getDb();
  return db.select().from(interactions).where(eq(interactions.browserId, browser)).orderBy(interactions.createdAt);
}

const order = () => ({ name: "Sam", email: "sam@example.com", idempotencyKey: crypto.randomUUID() });

describe("attribution", () => {
  it("attributes a click, the add to cart and the order line to the ranking and position it came from", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId, arm } = await showRanking(browser);
    expect(arm).toBe("embedded");
    const third = items[2];
    if (!third) throw new Error("no third card");

    const response = await post(browser, JSON.stringify({ events: [click(rankingId, third)] }));
    expect(response.status).toBe(202);
    await addToBrowserCart(browser, "me", third.id, 2);
    const placed = await checkout(browser, order());
    expect(placed.ok).toBe(true);

    const rows = await rowsOf(browser);
    expect(rows.map((row) => [row.type, row.rankingId, row.productId, row.position, row.source])).toEqual([
      ["click", rankingId, third.id, 3, "fallback"],
      ["cart-add", rankingId, third.id, 3, "fallback"],
      ["purchase", rankingId, third.id, 3, "fallback"],
    ]);
    const purchase = rows.find((row) => row.type === "purchase");
    expect(purchase?.revenueCents).toBe(placed.ok ? placed.totalCents : -1);
    expect(purchase?.orderId).toBe(placed.ok ? placed.orderId : "");
  });

  it("gives an order line to the last ranking that showed its product", async () => {
    const browser = crypto.randomUUID();
    const first = await showRanking(browser);
    const second = await showRanking(browser, "?shopper=me&category=books&q=novel");
    const product = first.items[0];
    const again = second.items.find((item) => item.id === product?.id) ?? second.items[0];
    if (!product || !again) throw new Error("no cards");
    expect((await post(browser, JSON.stringify({ events: [click(first.rankingId, product)] }))).status).toBe(202);
    await flushAttribution();
    expect((await post(browser, JSON.stringify({ events: [click(second.rankingId, { ...again, id: product.id })] }))).status).toBe(202);
    await addToBrowserCart(browser, "me", product.id, 1);
    await checkout(browser, order());
    const purchase = (await rowsOf(browser)).find((row) => row.type === "purchase");
    expect(purchase?.rankingId).toBe(second.rankingId);
  });

  it("does not attribute an order placed after the window, nor another browser's order", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    const card = cardAt(items, 0);
    // Opened 25 hours ago: outside a 24-hour window.
    recordClicks(browser, [{ ...click(rankingId, card), source: card.source } as never], new Date(Date.now() - 25 * 3_600_000));
    await addToBrowserCart(browser, "me", card.id, 1);
    expect((await checkout(browser, order())).ok).toBe(true);
    const rows = await rowsOf(browser);
    expect(rows.map((row) => row.type)).toEqual(["click"]);

    // Another browser buys the product this one opened: nothing is attributed to either.
    const other = crypto.randomUUID();
    const fresh = await showRanking(browser);
    expect((await post(browser, JSON.stringify({ events: [click(fresh.rankingId, card)] }))).status).toBe(202);
    await addToBrowserCart(other, "me", card.id, 1);
    expect((await checkout(other, order())).ok).toBe(true);
    expect(await rowsOf(other)).toEqual([]);
  });

  it.each<Door>(["route", "launcher"])("records a retried beacon once (through the %s)", async (door) => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    const card = cardAt(items, 1);
    const body = JSON.stringify({ events: [click(rankingId, card, crypto.randomUUID())] });
    expect((await post(browser, body, {}, door)).status).toBe(202);
    expect((await post(browser, body, {}, door)).status).toBe(202);
    expect(await rowsOf(browser)).toHaveLength(1);
  });

  it("answers the launcher's beacons as Next answers the route's: status, body and headers", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    const body = JSON.stringify({ events: [click(rankingId, cardAt(items, 0))] });
    const response = await post(browser, body, {}, "launcher");
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1 });
    expect(Object.fromEntries(["content-type", "cache-control", "content-security-policy", "x-content-type-options", "x-frame-options"].map((name) => [name, response.headers.get(name)]))).toEqual({
      "content-type": "application/json",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
    });
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const overHttps = await post(browser, body, { "x-forwarded-proto": "https" }, "launcher");
    expect(overHttps.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe.each<Door>(["route", "launcher"])("hostile event bodies get a 4xx and write nothing (through the %s)", (door) => {
  it("refuses unknown and foreign rankings, too many events, a huge body, wrong types and another site", async () => {
    const mine = crypto.randomUUID();
    const theirs = crypto.randomUUID();
    const { items, rankingId } = await showRanking(theirs);
    const card = cardAt(items, 0);
    const own = await showRanking(mine);
    const good = click(own.rankingId, own.items[0] ?? card);
    const cases: [string, () => Promise<Response>, number][] = [
      ["unknown ranking", () => post(mine, JSON.stringify({ events: [click(crypto.randomUUID(), card)] }), {}, door), 403],
      ["someone else's ranking", () => post(mine, JSON.stringify({ events: [click(rankingId, card)] }), {}, door), 403],
      ["a good event beside someone else's", () => post(mine, JSON.stringify({ events: [good, click(rankingId, card)] }), {}, door), 403],
      ["no browser", () => post(undefined, JSON.stringify({ events: [click(rankingId, card)] }), {}, door), 403],
      ["21 events", () => post(mine, JSON.stringify({ events: Array.from({ length: 21 }, () => click(own.rankingId, card)) }), {}, door), 400],
      ["10,000 events", () => post(mine, JSON.stringify({ events: Array.from({ length: 10_000 }, () => click(own.rankingId, card)) }), {}, door), 413],
      ["a 1 MB body", () => post(mine, JSON.stringify({ events: [good], pad: "x".repeat(1024 * 1024) }), {}, door), 413],
      ["a position that is text", () => post(mine, JSON.stringify({ events: [{ ...good, position: "1" }] }), {}, door), 400],
      ["an unknown type", () => post(mine, JSON.stringify({ events: [{ ...good, type: "purchase" }] }), {}, door), 400],
      ["an extra field", () => post(mine, JSON.stringify({ events: [{ ...good, revenueCents: 10_000 }] }), {}, door), 400],
      ["a product that does not exist", () => post(mine, JSON.stringify({ events: [{ ...good, productId: "99999999" }] }), {}, door), 400],
      ["not JSON", () => post(mine, "{events", {}, door), 400],
      ["an array", () => post(mine, "[]", {}, door), 400],
      ["an HTML form", () => post(mine, "events=1", { "content-type": "application/x-www-form-urlencoded" }, door), 415],
      ["another site", () => post(mine, JSON.stringify({ events: [good] }), { origin: "https://evil.example" }, door), 403],
    ];
    for (const [name, send, status] of cases) {
      const response = await send();
      expect({ name, status: response.status }).toEqual({ name, status });
      expect(typeof ((await response.json()) as { error?: unknown }).error).toBe("string");
    }
    expect(await rowsOf(mine)).toEqual([]);
    expect(await rowsOf(theirs)).toEqual([]);
  });
});

describe("the launcher's door, to a client that writes its whole body before it reads", () => {
  /** Python's http.client and many scripts: the request written whole, then the answer read. */
  function sendWholeThenRead(body: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(new URL(launcherOrigin).port), "127.0.0.1");
      let answer = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (answer += chunk));
      socket.on("end", () => resolve(answer));
      socket.on("error", reject);
      const head = `POST /api/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: text/plain;charset=UTF-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n`;
      socket.write(head + body, () => socket.end());
    });
  }

  it("answers a 4 MB body with its 413, not a broken pipe", async () => {
    const answer = await sendWholeThenRead(JSON.stringify({ events: [], pad: "x".repeat(4 * 1024 * 1024) }));
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer).toContain('{"error":"A body may be at most 16 KB."}');
  });
});

describe("forget me", () => {
  it("erases the browser's showings and interactions", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    const card = cardAt(items, 0);
    expect((await post(browser, JSON.stringify({ events: [click(rankingId, card)] }))).status).toBe(202);
    expect(await storedRows(browser)).toMatchObject({ showings: 1, interactions: 1 });
    await forgetBrowser(browser);
    expect(await storedRows(browser)).toMatchObject({ showings: 0, interactions: 0 });
    const db = await getDb();
    expect(await db.select().from(showings).where(and(eq(showings.browserId, browser)))).toEqual([]);
    // The forgotten ranking is not remembered by the process either: a later beacon for it is refused.
    expect((await post(browser, JSON.stringify({ events: [click(rankingId, card)] }))).status).toBe(403);
    expect(await rowsOf(browser)).toEqual([]);
  });

  it("writes a batch larger than one statement whole, and a retried part of it once", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    const clicks = Array.from({ length: 120 }, (_, index) => click(rankingId, cardAt(items, index % items.length)));
    recordClicks(browser, clicks);
    recordClicks(browser, clicks.slice(40, 60));
    const rows = await rowsOf(browser);
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(clicks.map((event) => event.id)));
  });

  it("a batch nobody waits for gives way to a page being served; one somebody waits for does not", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    await flushAttribution();
    const db = await getDb();
    const written = async () => (await db.select().from(interactions).where(eq(interactions.browserId, browser))).length;
    const page = new EventEmitter();
    countPage(page as unknown as ServerResponse);
    try {
      recordClicks(browser, [click(rankingId, cardAt(items, 0))]);
      // The writer's timer (250 ms) fires and its batch waits for the page (for up to a second), unwritten.
      await vi.waitFor(() => expect(workWaitingForPages()).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
      expect(await written()).toBe(0);
      page.emit("close");
      await vi.waitFor(async () => expect(await written()).toBe(1), { timeout: 5_000 });

      countPage(page as unknown as ServerResponse);
      recordClicks(browser, [click(rankingId, cardAt(items, 1))]);
      await vi.waitFor(() => expect(workWaitingForPages()).toBeGreaterThan(0), { timeout: 5_000, interval: 10 });
      // A reader (a report, an add to cart) flushes: the batch held back by the page goes at once.
      await flushAttribution();
      expect(await written()).toBe(2);
    } finally {
      page.emit("close");
    }
  });

  it("a click racing its browser's forget me is not written", async () => {
    const browser = crypto.randomUUID();
    const { items, rankingId } = await showRanking(browser);
    const card = cardAt(items, 0);
    await flushAttribution();
    // The showing is gone from the database while the click is still queued: the batch leaves it out.
    const db = await getDb();
    recordClicks(browser, [click(rankingId, card)]);
    await db.delete(showings).where(eq(showings.id, rankingId));
    expect(await rowsOf(browser)).toEqual([]);
  });
});
