interface AddToCartButtonProps {
  productName: string;
  size?: "large" | "small";
}

/** Add-to-cart (DESIGN §4 hook). The cart itself lands with the database; until then it says so. */
export function AddToCartButton({ productName, size = "large" }: AddToCartButtonProps) {
  return (
    <button
      type="button"
      data-testid="add-to-cart"
      disabled
      aria-label={`Add ${productName} to cart (cart coming soon)`}
      title="The cart is coming soon"
      className={`rounded-full bg-ink font-medium text-white disabled:cursor-not-allowed disabled:opacity-60 ${size === "large" ? "h-12 px-8 text-base" : "h-9 px-4 text-sm"}`}
    >
      Add to cart
    </button>
  );
}
