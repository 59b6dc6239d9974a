"use server";

import { ensureBrowserId } from "@/lib/browser/current-browser";
import { addToCartInput, firstProblem, removeFromCartInput, setQuantityInput } from "@/lib/cart/cart-input";
import { addToBrowserCart } from "@/lib/cart/add-to-browser-cart";
import { removeFromCart as remove, setCartQuantity, type CartChange } from "@/lib/cart/cart";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { recordEvent } from "@/lib/signals/events";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

// The cart's verbs. Each checks its input, changes this browser's cart, records the signal, and answers
// with the result or a sentence for the shopper; the page refreshes itself after a change. While the
// database is away each answers that, and writes nothing (docs/architecture.md §14).

async function whileStoreAnswers(work: () => Promise<CartChange>): Promise<CartChange> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ok: false, error: DATABASE_UNAVAILABLE.error };
  }
}

export async function addToCart(input: unknown): Promise<CartChange> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstProblem(parsed.error) };
  return whileStoreAnswers(async () => {
    const browserId = await ensureBrowserId();
    return addToBrowserCart(browserId, await rememberedShopperId(), parsed.data.productId, parsed.data.quantity, parsed.data.from);
  });
}

export async function setQuantity(input: unknown): Promise<CartChange> {
  const parsed = setQuantityInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstProblem(parsed.error) };
  return whileStoreAnswers(async () => setCartQuantity(await ensureBrowserId(), parsed.data.productId, parsed.data.quantity));
}

export async function removeFromCart(input: unknown): Promise<CartChange> {
  const parsed = removeFromCartInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstProblem(parsed.error) };
  return whileStoreAnswers(async () => {
    const browserId = await ensureBrowserId();
    const result = await remove(browserId, parsed.data.productId);
    if (result.ok) await recordEvent(browserId, await rememberedShopperId(), { kind: "cart-remove", productId: parsed.data.productId });
    return result;
  });
}
