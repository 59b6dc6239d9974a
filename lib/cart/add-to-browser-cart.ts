import { attributeCartAdd } from "@/lib/insights/record/interactions";
import type { CardOrigin } from "@/lib/insights/record/event-input";
import { recordEvent } from "@/lib/signals/events";
import { addToCart, type CartChange } from "./cart";

/**
 * A shopper's add to cart, for the card and product page's button and for POST /api/cart alike: the cart
 * changes, the live signals hear of it, and it is attributed to the ranking it came from (a card's own, else
 * the one its product was opened from; docs/architecture.md §19).
 */
export async function addToBrowserCart(browserId: string, shopperId: string, productId: string, quantity: number, from?: CardOrigin): Promise<CartChange> {
  const result = await addToCart(browserId, productId, quantity);
  if (result.ok) {
    await recordEvent(browserId, shopperId, { kind: "cart-add", productId });
    await attributeCartAdd(browserId, productId, from);
  }
  return result;
}
