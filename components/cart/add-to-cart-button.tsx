"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addToCart } from "@/app/actions/cart";

interface AddToCartButtonProps {
  productId: string;
  productName: string;
  size?: "large" | "small";
}

/**
 * Adds one to the cart, then refreshes the page: the header's count updates and the picks re-rank with
 * the new cart. A refusal is shown beside the button; nothing was written.
 */
export function AddToCartButton({ productId, productName, size = "large" }: AddToCartButtonProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const add = () =>
    startTransition(async () => {
      const result = await addToCart({ productId, quantity: 1 });
      setMessage(result.ok ? { ok: true, text: `In your cart: ${result.quantity}` } : { ok: false, text: result.error });
      if (result.ok) router.refresh();
    });

  return (
    <div className={`relative z-10 flex flex-wrap items-center gap-x-3 gap-y-1 ${size === "small" ? "text-xs" : "text-sm"}`}>
      <button
        type="button"
        data-testid="add-to-cart"
        onClick={add}
        disabled={pending}
        aria-label={`Add ${productName} to cart`}
        className={`rounded-full bg-ink font-medium text-white transition-colors hover:bg-ink/85 disabled:cursor-wait disabled:opacity-70 ${
          size === "large" ? "h-12 px-8 text-base" : "h-8 px-3 text-xs"
        }`}
      >
        {pending ? "Adding…" : "Add to cart"}
      </button>
      <span role="status" aria-live="polite" className={message?.ok === false ? "text-red-700" : "text-ink-soft"} data-testid="add-to-cart-message">
        {message?.text}
      </span>
    </div>
  );
}
