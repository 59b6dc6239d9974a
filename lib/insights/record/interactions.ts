import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { interactions, type InteractionType } from "@/lib/db/schema";
import { flushAttribution, queueInteractions, type NewInteraction } from "./batched-writes";
import type { CardOrigin, ClickEvent } from "./event-input";
import { allShownTo } from "./showings";

// What a shopper did with a ranking's cards (docs/architecture.md §19, "Attribution"):
// - a click: the card opened, reported by the page (already checked: its ranking was shown to this browser);
// - an add to cart: from a card (its own ranking and rank), or of a product opened from a ranking;
// - a purchase: an order line whose product the browser opened from a ranking within AISLE_ATTRIBUTION_HOURS;
//   the last ranking that showed it wins.

/** The types that say a shopper opened (or took) a product from a ranking. */
const OPENED: InteractionType[] = ["click", "cart-add"];

export function recordClicks(browserId: string, clicks: readonly ClickEvent[], at = new Date()): void {
  queueInteractions(clicks.map((click) => ({ browserId, id: click.id, rankingId: click.rankingId, type: "click", productId: click.productId, position: click.position, source: click.source, createdAt: at })));
}

interface Opened {
  rankingId: string;
  position: number;
  source: "model" | "fallback";
}

/** The last ranking each product was opened from by this browser since `since`. */
async function lastOpened(browserId: string, productIds: readonly string[], since: Date): Promise<Map<string, Opened>> {
  if (productIds.length === 0) return new Map();
  await flushAttribution(); // a click still queued counts
  const db = await getDb();
  const rows = await db
    .selectDistinctOn([interactions.productId], { productId: interactions.productId, rankingId: interactions.rankingId, position: interactions.position, source: interactions.source })
    .from(interactions)
    .where(and(eq(interactions.browserId, browserId), inArray(interactions.productId, [...productIds]), inArray(interactions.type, OPENED), gte(interactions.createdAt, since)))
    .orderBy(interactions.productId, desc(interactions.createdAt));
  return new Map(rows.map((row) => [row.productId, { rankingId: row.rankingId, position: row.position, source: row.source }]));
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - getConfig().attributionHours * 3_600_000);
}

/**
 * An add to cart: from a card (`from`, if its ranking was shown to this browser), else of a product this
 * browser opened from a ranking within the window; otherwise it is no ranking's.
 */
export async function attributeCartAdd(browserId: string, productId: string, from?: CardOrigin, now = new Date()): Promise<void> {
  let origin: Opened | undefined;
  if (from && (await allShownTo(browserId, [from.rankingId]))) origin = from;
  else origin = (await lastOpened(browserId, [productId], windowStart(now))).get(productId);
  if (!origin) return;
  queueInteractions([{ browserId, id: `cart-add:${crypto.randomUUID()}`, type: "cart-add", productId, ...origin, createdAt: now }]);
}

export interface PurchasedLine {
  productId: string;
  priceCents: number;
  quantity: number;
}

/** An order's lines, each attributed to the last ranking its product was opened from within the window. */
export async function attributePurchase(browserId: string, orderId: string, lines: readonly PurchasedLine[], now = new Date()): Promise<number> {
  const opened = await lastOpened(
    browserId,
    lines.map((line) => line.productId),
    windowStart(now),
  );
  const rows: NewInteraction[] = lines.flatMap((line) => {
    const origin = opened.get(line.productId);
    return origin ? [{ browserId, id: `purchase:${orderId}:${line.productId}`, type: "purchase" as const, productId: line.productId, ...origin, revenueCents: line.priceCents * line.quantity, orderId, createdAt: now }] : [];
  });
  queueInteractions(rows);
  return rows.length;
}
