"use client";

import { removeFromCart, setQuantity } from "@/app/actions/cart";
import { useCartChange } from "./use-cart-change";

interface CartLineControlsProps {
  productId: string;
  productName: string;
  quantity: number;
  maxQuantity: number;
}

/** A line's quantity and remove button; each change is a server action, then the page refreshes. */
export function CartLineControls({ productId, productName, quantity, maxQuantity }: CartLineControlsProps) {
  const { pending, result, run } = useCartChange();
  const error = result?.ok === false ? result.error : null;

  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm text-ink-soft">
        Qty
        <select
          value={quantity}
          disabled={pending}
          onChange={(event) => run(() => setQuantity({ productId, quantity: Number(event.target.value) }))}
          className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-ink"
          aria-label={`Quantity of ${productName}`}
          data-testid="cart-quantity"
        >
          {Array.from({ length: maxQuantity }, (_, index) => (
            <option key={index + 1} value={index + 1}>
              {index + 1}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => removeFromCart({ productId }))}
        className="text-sm font-medium text-brand underline-offset-2 hover:underline disabled:opacity-60"
        data-testid="cart-remove"
      >
        Remove<span className="sr-only"> {productName}</span>
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
