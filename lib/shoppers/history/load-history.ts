import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rowsOf } from "@/lib/db/rows";
import { MAX_EVENTS, MAX_ORDERS, type History, type HistoryProduct, type ResolvedHistory } from "./history";

/** The ratings and "not interested" answers read per ranking: more than a person gives, bounded all the same. */
const MAX_ANSWERS = 500;

/** One row: each part of a browser's history as JSON, with the facts of the products it names. */
interface HistoryRow {
  events: [kind: History["events"][number]["kind"] | "cart-remove", productId: string | null, query: string | null, category: string | null, atMs: number][];
  orders: [orderId: string, atMs: number, productId: string, quantity: number, priceCents: number][];
  ratings: [productId: string, stars: number][];
  not_interested: string[];
  products: [id: string, name: string, brand: string, kind: string, category: string, priceCents: number][];
  categories: [slug: string, name: string][];
}

/**
 * A browser's recent history from the store's tables, with the products and categories it names, in one
 * statement (a round trip per part would cost more than the parts). Each part is bounded and read through a
 * key that starts with the browser (events' (browser, id), orders_browser_recent, the answers' keys), so its
 * cost grows neither with the tables nor with one shopper's long history (BENCHMARKS.md §13).
 */
export async function loadHistory(browserId: string): Promise<ResolvedHistory> {
  const db = await getDb();
  const [row] = await rowsOf<HistoryRow>(
    db,
    sql`with ev as (select kind, product_id, query, category, created_at from events where browser_id = ${browserId} order by id desc limit ${MAX_EVENTS}),
      od as (select o.id, o.created_at, i.product_id, i.quantity, i.price_cents
             from (select id, created_at from orders where browser_id = ${browserId} order by created_at desc limit ${MAX_ORDERS}) o
             join order_items i on i.order_id = o.id),
      rt as (select product_id, stars from product_ratings where browser_id = ${browserId} limit ${MAX_ANSWERS}),
      ni as (select product_id from not_interested where browser_id = ${browserId} order by created_at desc limit ${MAX_ANSWERS})
    select
      (select coalesce(json_agg(json_build_array(kind, product_id, query, category, extract(epoch from created_at) * 1000)), '[]') from ev) as events,
      (select coalesce(json_agg(json_build_array(id, extract(epoch from created_at) * 1000, product_id, quantity, price_cents)), '[]') from od) as orders,
      (select coalesce(json_agg(json_build_array(product_id, stars)), '[]') from rt) as ratings,
      (select coalesce(json_agg(product_id), '[]') from ni) as not_interested,
      (select coalesce(json_agg(json_build_array(id, name, brand, kind, category, price_cents)), '[]') from products
        where id in (select product_id from ev union select product_id from od union select product_id from rt union select product_id from ni)) as products,
      (select coalesce(json_agg(json_build_array(slug, name)), '[]') from categories) as categories`,
  );
  if (!row) throw new Error("the history query answered no row");
  const at = (ms: number) => new Date(Number(ms)).toISOString();
  const byOrder = new Map<string, History["orders"][number]>();
  for (const [orderId, atMs, productId, quantity, priceCents] of row.orders) {
    const order = byOrder.get(orderId) ?? { at: at(atMs), items: [] };
    order.items.push({ productId, quantity, priceCents });
    byOrder.set(orderId, order);
  }
  const history: History = {
    events: row.events.flatMap(([kind, productId, query, category, atMs]) =>
      kind === "cart-remove" ? [] : [{ kind, at: at(atMs), ...(productId ? { productId } : {}), ...(query ? { query } : {}), ...(category ? { category } : {}) }],
    ),
    orders: [...byOrder.values()],
    ratings: Object.fromEntries(row.ratings),
    notInterested: row.not_interested,
  };
  const products = new Map(row.products.map(([id, name, brand, kind, category, priceCents]): [string, HistoryProduct] => [id, { id, name, brand, kind, category, priceCents }]));
  return { history, products, categoryNames: new Map(row.categories) };
}
