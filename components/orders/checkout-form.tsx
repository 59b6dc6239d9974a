"use client";

import { useActionState } from "react";
import { placeOrder, type CheckoutState } from "@/app/actions/orders";

/**
 * The checkout form. Its idempotency key was made when the page rendered, so pressing twice, or a retried
 * request, places one order; the button is also disabled while the order is on its way.
 */
export function CheckoutForm({ idempotencyKey }: { idempotencyKey: string }) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(placeOrder, null);
  return (
    <form action={action} className="mt-6 flex flex-col gap-4 rounded-card border border-zinc-200 bg-white p-6">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        Name
        <input name="name" required maxLength={100} autoComplete="name" className="h-10 rounded-lg border border-zinc-300 px-3 font-normal" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Email
        <input name="email" type="email" required maxLength={200} autoComplete="email" className="h-10 rounded-lg border border-zinc-300 px-3 font-normal" />
      </label>
      <p className="text-sm text-ink-soft">No payment is taken: this is a demo store. Placing the order records it and empties your cart.</p>
      <p role="status" aria-live="polite" className="text-sm text-red-700" data-testid="checkout-error">
        {state?.error}
      </p>
      <button type="submit" data-testid="place-order" aria-disabled={pending} className="h-12 rounded-full bg-ink px-8 font-medium text-white hover:bg-ink/85 aria-disabled:opacity-70">
        {pending ? "Placing your order…" : "Place order"}
      </button>
    </form>
  );
}
