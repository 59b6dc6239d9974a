"use server";

import { redirect } from "next/navigation";
import { ensureBrowserId } from "@/lib/browser/current-browser";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { checkout } from "@/lib/orders/checkout";
import { checkoutInput } from "@/lib/orders/orders";

export type CheckoutState = { error: string } | null;

/**
 * /checkout's form: the cart becomes one order (the form's idempotency key makes a double submit one order),
 * then the order's page. A refusal is a sentence on the form; nothing was written.
 */
export async function placeOrder(_previous: CheckoutState, form: FormData): Promise<CheckoutState> {
  const parsed = checkoutInput.safeParse({ name: form.get("name"), email: form.get("email"), idempotencyKey: form.get("idempotencyKey") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Please check the form." };
  let orderId: string;
  try {
    const placed = await checkout(await ensureBrowserId(), parsed.data);
    if (!placed.ok) return { error: placed.error };
    orderId = placed.orderId;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { error: DATABASE_UNAVAILABLE.error };
    throw error;
  }
  redirect(`/orders/${orderId}`);
}
