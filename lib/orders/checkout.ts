import { takeWriteBudget } from "@/lib/http/write-budget";
import { attributePurchase } from "@/lib/insights/record/interactions";
import { getOrder, placeOrder, type CheckoutInput } from "./orders";

export type Checkout = { ok: true; orderId: string; totalCents: number; created: boolean } | { ok: false; error: string; status: 400 | 429 };

/**
 * Checkout, for the page's form and for POST /api/orders alike: within the browser's write budget, the cart
 * becomes one order (once per idempotency key), and each line is attributed to the ranking its product was
 * opened from (docs/architecture.md §19).
 */
export async function checkout(browserId: string, input: CheckoutInput): Promise<Checkout> {
  const refused = await takeWriteBudget(browserId);
  if (refused) return { ok: false, error: refused, status: 429 };
  const placed = await placeOrder(browserId, input);
  if (!placed.ok) return { ok: false, error: placed.error, status: 400 };
  if (placed.created) await attributePurchase(browserId, placed.orderId, placed.lines);
  const totalCents = placed.created ? placed.lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0) : ((await getOrder(browserId, placed.orderId))?.totalCents ?? 0);
  return { ok: true, orderId: placed.orderId, totalCents, created: placed.created };
}
