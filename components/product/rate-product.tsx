"use client";

import { useActionState } from "react";
import { rate } from "@/app/actions/shopper";
import type { Answer } from "@/lib/shoppers/answers";

/** Stars for a product this browser bought (the product page shows it only then); a rating joins the profile. */
export function RateProduct({ productId, stars }: { productId: string; stars?: number }) {
  const [state, action, pending] = useActionState<Answer | null, FormData>(rate, null);
  return (
    <form action={action} className="rounded-card border border-zinc-200 bg-white p-4" data-testid="rate-product">
      <fieldset disabled={pending}>
        <legend className="text-sm font-semibold">{stars ? `You rated it ${stars} of 5` : "You bought this: how was it?"}</legend>
        <input type="hidden" name="productId" value={productId} />
        <div className="mt-2 flex gap-2">
          {[1, 2, 3, 4, 5].map((value) => (
            <button
              key={value}
              type="submit"
              name="stars"
              value={value}
              data-testid={`rate-${value}`}
              aria-pressed={stars === value}
              aria-label={`${value} of 5 stars`}
              className="size-9 rounded-full border border-zinc-300 text-gold hover:bg-paper-sunk aria-pressed:bg-brand-soft"
            >
              ★<span className="sr-only">{value}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-ink-soft" data-testid="rate-message">
        {state === null ? null : state.ok ? "Thanks: your rating is saved." : state.error}
      </p>
    </form>
  );
}
