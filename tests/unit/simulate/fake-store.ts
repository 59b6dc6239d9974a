import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A tiny store on 127.0.0.1 speaking the HTTP contract the simulator relies on (DESIGN §4): product pages set
// the browser cookie and carry an Open Graph price, rankings stream NDJSON from one of two arms, clicks, cart and
// orders are kept per browser, and /api/insights counts them. The "model" arm puts the query's relevant products
// first (the fake is told the grades); the "embedded" arm, the control, puts them last.

export interface FakeRequest {
  method: string;
  path: string;
  cookie: string | undefined;
  /** The browser cookie the request carried, or the one its answer set. */
  browser: string | undefined;
}

export interface FakeStore {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export interface FakeStoreOptions {
  /** Grades by the ranking's q: what the good arm sorts by. */
  grades: Record<string, Record<string, number>>;
  products?: number;
  token?: string;
  /** Delay before each ranking is answered. */
  rankingDelayMs?: number;
  /** Answer every ranking 429, as a store over AISLE_RANKINGS_PER_MINUTE. */
  rateLimited?: boolean;
  /** The first reads of /api/insights see nothing yet, as a store still writing its batches. */
  staleInsightsReads?: number;
}

interface RankingRecord {
  arm: string;
  browser: string;
  clicks: number;
  purchased: boolean;
  revenueCents: number;
}

const priceCents = (id: string) => Number(id) * 1000 + 99;

export async function startFakeStore(options: FakeStoreOptions): Promise<FakeStore> {
  const ids = Array.from({ length: options.products ?? 30 }, (_, i) => String(i + 1));
  const requests: FakeRequest[] = [];
  const rankings = new Map<string, RankingRecord>();
  const carts = new Map<string, string[]>();
  const opened = new Map<string, Map<string, string>>(); // browser → product → ranking it was opened from
  const browsers = new Map<string, string>(); // browser → arm
  let nextArm = 0;
  let insightsReads = 0;

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
  const body = async (request: IncomingMessage): Promise<unknown> => {
    let text = "";
    for await (const chunk of request) text += String(chunk);
    return JSON.parse(text) as unknown;
  };
  const browserOf = (request: IncomingMessage) => /(?:^|; )aisle-browser=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake");
    const browser = browserOf(request);
    const record: FakeRequest = { method: request.method ?? "GET", path: url.pathname, cookie: request.headers.cookie, browser };
    requests.push(record);
    const product = /^\/products\/(.+)$/.exec(url.pathname)?.[1];
    if (request.method === "GET" && product) {
      if (!ids.includes(product)) return send(response, 404, { error: "no such product" });
      const headers: Record<string, string> = { "content-type": "text/html" };
      if (!browser) {
        record.browser = randomUUID();
        headers["set-cookie"] = `aisle-browser=${record.browser}; Path=/; HttpOnly; SameSite=Lax`;
      }
      response.writeHead(200, headers);
      return response.end(`<html><head><meta property="product:price:amount" content="${(priceCents(product) / 100).toFixed(2)}"><meta property="product:price:currency" content="USD"></head><body>${product}</body></html>`);
    }
    if (request.method === "GET" && url.pathname === "/api/insights") {
      if (request.headers.authorization !== `Bearer ${options.token ?? "secret"}`) return send(response, 401, { error: "unauthorised" });
      insightsReads += 1;
      const arms = Object.fromEntries(
        ["model", "embedded"].map((arm) => {
          const mine = [...rankings.values()].filter((ranking) => ranking.arm === arm && insightsReads > (options.staleInsightsReads ?? 0));
          const n = Math.max(1, mine.length);
          return [arm, { shoppers: mine.length, rankings: mine.length, ctr: mine.filter((r) => r.clicks > 0).length / n, clicksPerRanking: mine.reduce((s, r) => s + r.clicks, 0) / n, orders: mine.filter((r) => r.purchased).length, purchaseRate: mine.filter((r) => r.purchased).length / n, revenuePer1000: (mine.reduce((s, r) => s + r.revenueCents, 0) / 100 / n) * 1000 }];
        }),
      ) as Record<string, Record<string, number>>;
      const lift = (metric: string) => {
        const value = (arms.model?.[metric] ?? 0) / (arms.embedded?.[metric] || 1) - 1;
        return { value, ci: [value - 10, value + 10], p: 0.5 };
      };
      const report = Object.fromEntries(Object.entries(arms).map(([arm, figures]) => [arm, { ...figures, lift: arm === "embedded" ? { ctr: null, purchaseRate: null, revenuePer1000: null } : { ctr: lift("ctr"), purchaseRate: lift("purchaseRate"), revenuePer1000: lift("revenuePer1000") } }]));
      return send(response, 200, { period: { from: url.searchParams.get("from"), to: null }, control: "embedded", arms: report, srm: { p: 0.9, ok: true }, enoughData: false });
    }
    if (!browser) return send(response, 400, { error: "no browser cookie" });
    if (request.method === "GET" && url.pathname === "/api/rankings") {
      if (options.rankingDelayMs) await new Promise((resolve) => setTimeout(resolve, options.rankingDelayMs));
      if (options.rateLimited) return send(response, 429, { error: "Too many rankings." }, { "retry-after": "60" });
      const arm = browsers.get(browser) ?? (nextArm++ % 2 === 0 ? "model" : "embedded");
      browsers.set(browser, arm);
      const grades = options.grades[url.searchParams.get("q") ?? ""] ?? {};
      const sign = arm === "model" ? -1 : 1;
      const order = [...ids].sort((a, b) => sign * ((grades[a] ?? 0) - (grades[b] ?? 0)) || Number(a) - Number(b));
      const rankingId = randomUUID();
      rankings.set(rankingId, { arm, browser, clicks: 0, purchased: false, revenueCents: 0 });
      response.writeHead(200, { "content-type": "application/x-ndjson" });
      for (const [index, id] of order.entries()) response.write(`${JSON.stringify({ type: "item", rank: index + 1, id, reason: "", source: "fallback" })}\n`);
      return response.end(`${JSON.stringify({ type: "done", outcome: "complete", rankingId, arm, replay: false })}\n`);
    }
    if (request.method === "POST" && url.pathname === "/api/events") {
      const { events } = (await body(request)) as { events: { rankingId: string; productId: string }[] };
      for (const event of events) {
        const ranking = rankings.get(event.rankingId);
        if (!ranking || ranking.browser !== browser) return send(response, 400, { error: "unknown ranking" });
        ranking.clicks += 1;
        opened.set(browser, (opened.get(browser) ?? new Map<string, string>()).set(event.productId, event.rankingId));
      }
      return send(response, 202, { ok: true });
    }
    if (request.method === "POST" && url.pathname === "/api/cart") {
      const { productId } = (await body(request)) as { productId: string };
      const cart = [...(carts.get(browser) ?? []), productId];
      carts.set(browser, cart);
      return send(response, 200, { ok: true, count: cart.length });
    }
    if (request.method === "POST" && url.pathname === "/api/orders") {
      const cart = carts.get(browser) ?? [];
      if (cart.length === 0) return send(response, 400, { error: "the cart is empty" });
      for (const id of cart) {
        const ranking = rankings.get(opened.get(browser)?.get(id) ?? "");
        if (!ranking) continue;
        ranking.purchased = true;
        ranking.revenueCents += priceCents(id);
      }
      carts.delete(browser);
      return send(response, 201, { orderId: randomUUID(), totalCents: cart.reduce((sum, id) => sum + priceCents(id), 0) });
    }
    return send(response, 404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
