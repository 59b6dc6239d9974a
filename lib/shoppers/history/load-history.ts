import { desc, eq, inArray } from "drizzle-orm";
import { listCategories } from "@/lib/catalog/catalog";
import { getDb } from "@/lib/db/client";
import { events, notInterested, orderItems, orders, productRatings, products } from "@/lib/db/schema";
import { MAX_EVENTS, MAX_ORDERS, type History, type HistoryProduct, type ResolvedHistory } from "./history";

/** The ratings and "not interested" answers read per ranking: more than a person gives, bounded all the same. */
const MAX_ANSWERS = 500;

/**
 * A browser's recent history from the store's tables, with the products and categories it names. Each read
 * is bounded and served by an index on the browser (events_browser_recent, orders_browser_recent, the
 * primary keys), so its cost does not grow with the events table, nor with one shopper's long history.
 */
export async function loadHistory(browserId: string): Promise<ResolvedHistory> {
  const db = await getDb();
  const recentOrders = db.select({ id: orders.id, at: orders.createdAt }).from(orders).where(eq(orders.browserId, browserId)).orderBy(desc(orders.createdAt)).limit(MAX_ORDERS).as("recent_orders");
  const [eventRows, orderRows, ratingRows, dismissedRows, categories] = await Promise.all([
    db
      .select({ kind: events.kind, productId: events.productId, query: events.query, category: events.category, at: events.createdAt })
      .from(events)
      .where(eq(events.browserId, browserId))
      .orderBy(desc(events.id))
      .limit(MAX_EVENTS),
    db
      .select({ orderId: recentOrders.id, at: recentOrders.at, productId: orderItems.productId, quantity: orderItems.quantity, priceCents: orderItems.priceCents })
      .from(recentOrders)
      .innerJoin(orderItems, eq(orderItems.orderId, recentOrders.id)),
    db.select({ productId: productRatings.productId, stars: productRatings.stars }).from(productRatings).where(eq(productRatings.browserId, browserId)).limit(MAX_ANSWERS),
    db.select({ productId: notInterested.productId }).from(notInterested).where(eq(notInterested.browserId, browserId)).orderBy(desc(notInterested.createdAt)).limit(MAX_ANSWERS),
    listCategories(),
  ]);

  const byOrder = new Map<string, History["orders"][number]>();
  for (const row of orderRows) {
    const order = byOrder.get(row.orderId) ?? { at: row.at.toISOString(), items: [] };
    order.items.push({ productId: row.productId, quantity: row.quantity, priceCents: row.priceCents });
    byOrder.set(row.orderId, order);
  }
  const history: History = {
    events: eventRows.flatMap((row) =>
      row.kind === "cart-remove" ? [] : [{ kind: row.kind, at: row.at.toISOString(), ...(row.productId ? { productId: row.productId } : {}), ...(row.query ? { query: row.query } : {}), ...(row.category ? { category: row.category } : {}) }],
    ),
    orders: [...byOrder.values()],
    ratings: Object.fromEntries(ratingRows.map((row) => [row.productId, row.stars])),
    notInterested: dismissedRows.map((row) => row.productId),
  };
  return { history, products: await historyProducts(history), categoryNames: new Map(categories.map((category) => [category.slug, category.name])) };
}

/** The catalog's facts about every product a history names, in one query. */
export async function historyProducts(history: History): Promise<Map<string, HistoryProduct>> {
  const ids = new Set<string>([
    ...history.events.flatMap((event) => (event.productId ? [event.productId] : [])),
    ...history.orders.flatMap((order) => order.items.map((item) => item.productId)),
    ...Object.keys(history.ratings),
    ...history.notInterested,
  ]);
  if (ids.size === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: products.id, name: products.name, brand: products.brand, kind: products.kind, category: products.category, priceCents: products.priceCents })
    .from(products)
    .where(inArray(products.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}
