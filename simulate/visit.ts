import { randomUUID } from "node:crypto";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { Browser, StoreError } from "./browser";
import { SCAN_DEPTH, gradeOf } from "./model";
import { planVisit } from "./plan";
import type { ShopperCase } from "./population";
import { priceCentsFromPage } from "./prices";
import { parseRanking, RankingError } from "./ranking";

// One shopper's visit, as a browser makes it: a fresh cookie jar lands on a product page the shopper likes (the
// store sets its cookies and sees a view), asks for the grid of the case's search, clicks cards as the click model
// decides (a beacon to /api/events, then the product page), adds some to the cart and may check out.

export interface Served {
  caseId: string;
  arm: string;
  rankingId: string;
  outcome: string;
  /** The first SCAN_DEPTH product ids, in rank order. */
  top: string[];
}

export interface VisitReport {
  served?: Served;
  clicks: number;
  addedToCart: number;
  ordered: boolean;
  /** Lines of the ranking that were not well-formed. */
  malformed: number;
}

export interface VisitContext {
  origin: URL;
  timeoutMs: number;
  /** Prices learnt from every product page a shopper opens, shared by all visits. */
  prices: Map<string, number>;
  /** The browser's own id, when the simulation brings it (the `aisle-browser` cookie); else the store gives one. */
  browserId?: string;
  /** Called the moment a ranking is served: it counts in the store's figures whatever happens next. */
  onServed: (served: Served) => void;
}

export async function visit(shopperCase: ShopperCase, rng: RandomGenerator, index: number, context: VisitContext): Promise<VisitReport> {
  const browser = new Browser(context.origin, context.timeoutMs);
  if (context.browserId) browser.jar.store([`aisle-browser=${context.browserId}`]);
  const report: VisitReport = { clicks: 0, addedToCart: 0, ordered: false, malformed: 0 };
  const openProduct = async (step: string, id: string) => {
    const page = await browser.expect(step, 200, `/products/${encodeURIComponent(id)}`);
    const cents = priceCentsFromPage(page.text);
    if (cents !== undefined) context.prices.set(id, cents);
  };

  await openProduct("landing page", shopperCase.landing);

  const query = new URLSearchParams({ shopper: "me" });
  if (shopperCase.q) query.set("q", shopperCase.q);
  if (shopperCase.category) query.set("category", shopperCase.category);
  const response = await browser.request("ranking", `/api/rankings?${query}`);
  if (response.status === 429) throw new StoreError("ranking", "429 Too Many Requests: the store's rankings budget is spent — start it with a larger AISLE_RANKINGS_PER_MINUTE", 429);
  if (response.status !== 200) throw new StoreError("ranking", `GET /api/rankings answered ${response.status}: ${response.text.slice(0, 200)}`, response.status);
  let ranking;
  try {
    ranking = parseRanking(response.text);
  } catch (error) {
    if (error instanceof RankingError) throw new StoreError("ranking", error.message);
    throw error;
  }
  report.malformed = ranking.malformed;
  const top = ranking.items.slice(0, SCAN_DEPTH);
  report.served = { caseId: shopperCase.id, arm: ranking.arm, rankingId: ranking.rankingId, outcome: ranking.outcome, top: top.map((item) => item.id) };
  context.onServed(report.served);

  const plan = planVisit(rng, top.map((item) => gradeOf(shopperCase.relevance, item.id)));
  for (const click of plan.clicks) {
    const item = top[click.position - 1];
    if (!item) continue;
    // As navigator.sendBeacon would: one request per click, then the browser follows the card's link.
    await browser.expect("click event", 202, "/api/events", {
      method: "POST",
      json: { events: [{ id: randomUUID(), type: "click", rankingId: ranking.rankingId, productId: item.id, position: click.position, source: item.source }] },
    });
    report.clicks += 1;
    await openProduct("product page", item.id);
    if (!click.addToCart) continue;
    await browser.expect("add to cart", 200, "/api/cart", { method: "POST", json: { productId: item.id, quantity: 1 } });
    report.addedToCart += 1;
  }
  if (report.addedToCart > 0 && plan.checkout) {
    // 201 for a new order; 200 would be the same idempotency key finding the order it made before.
    await browser.expect("checkout", [201, 200], "/api/orders", {
      method: "POST",
      json: { name: `Simulated Shopper ${index + 1}`, email: `shopper-${index + 1}@example.com`, idempotencyKey: randomUUID() },
    });
    report.ordered = true;
  }
  return report;
}
