import { and, asc, eq, sql } from "drizzle-orm";
import { getProducts } from "@/lib/catalog/catalog";
import type { Product } from "@/lib/catalog/types";
import { getDb } from "@/lib/db/client";
import { cartItems, carts, MAX_QUANTITY } from "@/lib/db/schema";

export { MAX_QUANTITY };

export interface CartLine {
  product: Product;
  quantity: number;
  /** US dollars. */
  lineTotal: number;
}

export interface Cart {
  lines: CartLine[];
  /** Items, counting quantities: what the header's badge shows. */
  count: number;
  /** US dollars. */
  subtotal: number;
}

export type CartChange = { ok: true; quantity: number } | { ok: false; error: string };

const cents = (dollars: number) => Math.round(dollars * 100);

export async function getCart(browserId: string | undefined): Promise<Cart> {
  if (!browserId) return { lines: [], count: 0, subtotal: 0 };
  const db = await getDb();
  const rows = await db.select().from(cartItems).where(eq(cartItems.cartId, browserId)).orderBy(asc(cartItems.updatedAt), asc(cartItems.productId));
  const products = new Map((await getProducts(rows.map((row) => row.productId))).map((product) => [product.id, product]));
  const lines = rows.flatMap(({ productId, quantity }) => {
    const product = products.get(productId);
    return product ? [{ product, quantity, lineTotal: (cents(product.price) * quantity) / 100 }] : [];
  });
  return {
    lines,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: lines.reduce((sum, line) => sum + cents(line.lineTotal), 0) / 100,
  };
}

export async function cartCount(browserId: string | undefined): Promise<number> {
  if (!browserId) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .where(eq(cartItems.cartId, browserId));
  return row?.count ?? 0;
}

/**
 * Adds to what is in the cart, in one statement (an upsert), so two tabs adding at once both count.
 * Refused, with nothing written, when the product is unknown or the total would pass MAX_QUANTITY.
 */
export async function addToCart(browserId: string, productId: string, quantity: number): Promise<CartChange> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return { ok: false, error: `A quantity is a whole number from 1 to ${MAX_QUANTITY}.` };
  }
  const [product] = await getProducts([productId]);
  if (!product) return { ok: false, error: `There is no product ${productId}.` };
  const db = await getDb();
  await db.insert(carts).values({ id: browserId }).onConflictDoNothing();
  const [row] = await db
    .insert(cartItems)
    .values({ cartId: browserId, productId, quantity })
    .onConflictDoUpdate({
      target: [cartItems.cartId, cartItems.productId],
      set: { quantity: sql`${cartItems.quantity} + excluded.quantity`, updatedAt: sql`now()` },
      setWhere: sql`${cartItems.quantity} + excluded.quantity <= ${MAX_QUANTITY}`,
    })
    .returning({ quantity: cartItems.quantity });
  if (!row) return { ok: false, error: `At most ${MAX_QUANTITY} of one product fit in a cart.` };
  return { ok: true, quantity: row.quantity };
}

/** Sets a line's quantity (1…MAX_QUANTITY; removing is its own verb). */
export async function setCartQuantity(browserId: string, productId: string, quantity: number): Promise<CartChange> {
  const db = await getDb();
  const [row] = await db
    .update(cartItems)
    .set({ quantity, updatedAt: sql`now()` })
    .where(and(eq(cartItems.cartId, browserId), eq(cartItems.productId, productId)))
    .returning({ quantity: cartItems.quantity });
  if (!row) return { ok: false, error: "That product is not in your cart." };
  return { ok: true, quantity: row.quantity };
}

export async function removeFromCart(browserId: string, productId: string): Promise<CartChange> {
  const db = await getDb();
  const removed = await db
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, browserId), eq(cartItems.productId, productId)))
    .returning({ productId: cartItems.productId });
  if (removed.length === 0) return { ok: false, error: "That product is not in your cart." };
  return { ok: true, quantity: 0 };
}
