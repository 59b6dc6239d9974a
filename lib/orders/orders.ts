import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { cartItems, orderItems, orders, products } from "@/lib/db/schema";

// Orders: a browser's cart turned into an order at /checkout (no payment is taken), once per idempotency key.

export const checkoutInput = z.object({
  name: z.string().trim().min(1, "Please give a name.").max(100, "A name is at most 100 characters."),
  email: z.string().trim().max(200, "An email address is at most 200 characters.").pipe(z.email("Please give a valid email address.")),
  /** Made by the checkout page when it rendered: every submit of that form carries the same one. */
  idempotencyKey: z.uuid("The form is out of date: reload the page."),
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

export interface OrderLine {
  productId: string;
  name: string;
  /** US cents each, at the moment the order was placed. */
  priceCents: number;
  quantity: number;
}

export interface Order {
  id: string;
  name: string;
  email: string;
  totalCents: number;
  createdAt: Date;
  lines: OrderLine[];
}

/** `lines` are the order's, as placed by this call (none when the key found an earlier order). */
export type PlaceOrder = { ok: true; orderId: string; created: boolean; lines: OrderLine[] } | { ok: false; error: string };

/**
 * Places the browser's cart as one order, in one transaction: the lines at today's prices, the cart emptied.
 * The same idempotency key again (a double submit, a retried request) answers with the order it made, and
 * writes nothing; two at once are one order (the unique index decides, the loser reads the winner's).
 */
export async function placeOrder(browserId: string, input: CheckoutInput): Promise<PlaceOrder> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.browserId, browserId), eq(orders.idempotencyKey, input.idempotencyKey)));
    if (existing[0]) return { ok: true, orderId: existing[0].id, created: false, lines: [] };
    const lines = await tx
      .select({ productId: cartItems.productId, name: products.name, priceCents: products.priceCents, quantity: cartItems.quantity })
      .from(cartItems)
      .innerJoin(products, eq(products.id, cartItems.productId))
      .where(eq(cartItems.cartId, browserId))
      .orderBy(asc(cartItems.updatedAt), asc(cartItems.productId))
      // Locks the cart's lines: a cart change waits for the order, and is not lost in it.
      .for("update", { of: cartItems });
    if (lines.length === 0) return { ok: false, error: "Your cart is empty: there is nothing to order." };
    const orderId = crypto.randomUUID();
    const totalCents = lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
    const inserted = await tx
      .insert(orders)
      .values({ id: orderId, browserId, idempotencyKey: input.idempotencyKey, name: input.name, email: input.email, totalCents })
      .onConflictDoNothing({ target: [orders.browserId, orders.idempotencyKey] })
      .returning({ id: orders.id });
    if (inserted.length === 0) {
      const [winner] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.browserId, browserId), eq(orders.idempotencyKey, input.idempotencyKey)));
      return winner ? { ok: true, orderId: winner.id, created: false, lines: [] } : { ok: false, error: "The order could not be placed: try again." };
    }
    await tx.insert(orderItems).values(lines.map((line) => ({ orderId, ...line })));
    await tx.delete(cartItems).where(eq(cartItems.cartId, browserId));
    return { ok: true, orderId, created: true, lines };
  });
}

/** The browser's orders, newest first, with their lines. */
export async function listOrders(browserId: string | undefined): Promise<Order[]> {
  if (!browserId) return [];
  const db = await getDb();
  const rows = await db.select().from(orders).where(eq(orders.browserId, browserId)).orderBy(desc(orders.createdAt)).limit(100);
  return Promise.all(rows.map(async (row) => ({ ...order(row), lines: await linesOf(row.id) })));
}

/** One order, only for the browser that placed it (anyone else: undefined, a 404). */
export async function getOrder(browserId: string | undefined, orderId: string): Promise<Order | undefined> {
  if (!browserId || !z.uuid().safeParse(orderId).success) return undefined;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.browserId, browserId)));
  return row ? { ...order(row), lines: await linesOf(row.id) } : undefined;
}

/** Whether the browser has ordered the product (a rating needs it). */
export async function hasBought(browserId: string | undefined, productId: string): Promise<boolean> {
  if (!browserId) return false;
  const db = await getDb();
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(orders.browserId, browserId), eq(orderItems.productId, productId)))
    .limit(1);
  return row !== undefined;
}

function order(row: typeof orders.$inferSelect): Omit<Order, "lines"> {
  return { id: row.id, name: row.name, email: row.email, totalCents: row.totalCents, createdAt: row.createdAt };
}

async function linesOf(orderId: string): Promise<OrderLine[]> {
  const db = await getDb();
  return db
    .select({ productId: orderItems.productId, name: orderItems.name, priceCents: orderItems.priceCents, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.name));
}

