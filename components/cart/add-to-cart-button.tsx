"use client";

import { use, type MouseEvent } from "react";
import { addToCart } from "@/app/actions/cart";
import { cardOrigin } from "@/components/grid/card-origin";
import { DismissCard } from "@/components/grid/dismiss-card";
import { ShownRanking } from "@/components/grid/shown-ranking";
import { NotInterestedButton } from "./not-interested-button";
import { useCartChange } from "./use-cart-change";

interface AddToCartButtonProps {
  productId: string;
  productName: string;
  /** Small (a card's) unless said; a card's button is styled by its place (app/globals.css). */
  size?: "large" | "small";
}

/**
 * Adds one to the cart, then refreshes the page: the header's count updates and the picks re-rank with
 * the new cart. A refusal is shown beside the button; nothing was written. In a ranked grid, "not
 * interested" sits beside it. A card's message is rendered once there is one (72 empty live regions a page
 * would be a twentieth of its weight); the product page's is always there.
 */
export function AddToCartButton({ productId, productName, size = "small" }: AddToCartButtonProps) {
  const { pending, result, run } = useCartChange();
  const dismiss = use(DismissCard);
  const rankingId = use(ShownRanking);
  // From a ranked card: its ranking and rank go along (attribution).
  const add = (event: MouseEvent) => {
    const origin = cardOrigin(event.currentTarget, rankingId);
    const from = origin ? { rankingId: origin.rankingId, position: origin.position, source: origin.source } : undefined;
    run(() => addToCart({ productId, quantity: 1, from }));
  };

  return (
    <div className={size === "small" ? "cart-action" : "cart-action text-sm"}>
      <button
        type="button"
        data-testid="add-to-cart"
        onClick={add}
        disabled={pending}
        aria-label={`Add ${productName} to cart`}
        className={size === "large" ? "cart-button h-12 px-8 text-base" : "cart-button"}
      >
        {pending ? "Adding…" : "Add to cart"}
      </button>
      {dismiss ? <NotInterestedButton productId={productId} dismiss={dismiss} /> : null}
      {size === "large" || result !== null ? (
        <span role="status" aria-live="polite" className={result?.ok === false ? "text-red-700" : undefined} data-testid="add-to-cart-message">
          {result === null ? null : result.ok ? `In your cart: ${result.quantity}` : result.error}
        </span>
      ) : null}
    </div>
  );
}
