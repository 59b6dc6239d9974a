import { and, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { carts, events, interactions, notInterested, orderItems, orders, productRatings, products, rankings, rateLimits, showings } from "@/lib/db/schema";
import { flushAttribution } from "@/lib/insights/record/batched-writes";
import { forgetRememberedShowings } from "@/lib/insights/record/recent-showings";
import type { FactKind } from "./history/derive-profile";
import { ownShopperId } from "./own-shopper";

// A shopper's data is theirs: one fact at a time, or everything at once.

/**
 * "Forget me": every row tied to the browser — events, cart, orders and their lines, ratings, "not
 * interested" answers, its own shopper's stored rankings, its budget counters, the rankings it was shown and
 * what it did with them — in one transaction (after this process's queued attribution is written, so none
 * of it lands after).
 */
export async function forgetBrowser(browserId: string): Promise<void> {
  forgetRememberedShowings(browserId);
  await flushAttribution();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(interactions).where(eq(interactions.browserId, browserId));
    await tx.delete(showings).where(eq(showings.browserId, browserId));
    await tx.delete(events).where(eq(events.browserId, browserId));
    await tx.delete(carts).where(eq(carts.id, browserId));
    await tx.delete(orders).where(eq(orders.browserId, browserId));
    await tx.delete(productRatings).where(eq(productRatings.browserId, browserId));
    await tx.delete(notInterested).where(eq(notInterested.browserId, browserId));
    await tx.delete(rankings).where(eq(rankings.shopperId, ownShopperId(browserId)));
    await tx.delete(rateLimits).where(like(rateLimits.key, `%:${browserId}`));
  });
}

/** How many rows of each kind the store holds for the browser: what "Forget me" erases (GET /api/profile shows it). */
export async function storedRows(browserId: string | undefined): Promise<Record<"events" | "carts" | "orders" | "ratings" | "notInterested" | "rankings" | "rateLimits" | "showings" | "interactions", number>> {
  if (!browserId) return { events: 0, carts: 0, orders: 0, ratings: 0, notInterested: 0, rankings: 0, rateLimits: 0, showings: 0, interactions: 0 };
  await flushAttribution();
  const db = await getDb();
  const count = async (table: PgTable, where: SQL) => (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]?.n ?? 0;
  const [eventRows, cartRows, orderRows, ratingRows, answerRows, rankingRows, limitRows, showingRows, interactionRows] = await Promise.all([
    count(events, eq(events.browserId, browserId)),
    count(carts, eq(carts.id, browserId)),
    count(orders, eq(orders.browserId, browserId)),
    count(productRatings, eq(productRatings.browserId, browserId)),
    count(notInterested, eq(notInterested.browserId, browserId)),
    count(rankings, eq(rankings.shopperId, ownShopperId(browserId))),
    count(rateLimits, like(rateLimits.key, `%:${browserId}`)),
    count(showings, eq(showings.browserId, browserId)),
    count(interactions, eq(interactions.browserId, browserId)),
  ]);
  return { events: eventRows, carts: cartRows, orders: orderRows, ratings: ratingRows, notInterested: answerRows, rankings: rankingRows, rateLimits: limitRows, showings: showingRows, interactions: interactionRows };
}

/** Facts a shopper can remove one by one: each is made of rows, and those rows go. */
export const REMOVABLE: readonly FactKind[] = ["purchase", "category", "rating", "search", "brand", "disliked-brand", "not-interested"];

/** Removes the rows a fact of the profile comes from; the profile, derived afresh, no longer holds it. */
export async function removeFact(browserId: string, kind: FactKind, value: string): Promise<boolean> {
  if (!REMOVABLE.includes(kind)) return false;
  const db = await getDb();
  const productsWhere = (column: "category" | "brand" | "kind") => db.select({ id: products.id }).from(products).where(eq(products[column], value));
  await db.transaction(async (tx) => {
    const mine = eq(events.browserId, browserId);
    switch (kind) {
      case "category":
        await tx.delete(events).where(and(mine, or(and(eq(events.kind, "category"), eq(events.category, value)), inArray(events.productId, productsWhere("category")))));
        break;
      case "search":
        await tx.delete(events).where(and(mine, eq(events.kind, "search"), sql`lower(${events.query}) = ${value}`));
        break;
      case "brand":
        await tx.delete(events).where(and(mine, inArray(events.productId, productsWhere("brand"))));
        break;
      case "rating":
        await tx.delete(productRatings).where(and(eq(productRatings.browserId, browserId), eq(productRatings.productId, value)));
        break;
      case "not-interested":
        await tx.delete(notInterested).where(and(eq(notInterested.browserId, browserId), eq(notInterested.productId, value)));
        break;
      case "disliked-brand":
        await tx.delete(notInterested).where(and(eq(notInterested.browserId, browserId), inArray(notInterested.productId, productsWhere("brand"))));
        break;
      case "purchase": {
        // The order lines of that kind of product; an order left without a line goes too.
        const mineOrders = tx.select({ id: orders.id }).from(orders).where(eq(orders.browserId, browserId));
        await tx.delete(orderItems).where(and(inArray(orderItems.orderId, mineOrders), inArray(orderItems.productId, productsWhere("kind"))));
        await tx.delete(orders).where(and(eq(orders.browserId, browserId), sql`not exists (select 1 from ${orderItems} where ${orderItems.orderId} = ${orders.id})`));
        break;
      }
    }
  });
  return true;
}
