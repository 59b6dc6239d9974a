import Link from "next/link";
import type { Product } from "@/lib/catalog/types";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { formatPrice } from "@/lib/format/money";
import { ProductImage } from "./product-image";
import { Rating } from "./rating";

/** A product on a page after the ranked window: in retrieval order, so no rank, source or reason. */
export function ListedCard({ product }: { product: Product }) {
  return (
    <article
      data-testid="listed-card"
      data-product-id={product.id}
      className="group relative flex h-full flex-col overflow-hidden rounded-card border border-zinc-200 bg-paper-raised shadow-sm hover:shadow-md"
    >
      <div className="relative aspect-square bg-paper-sunk">
        <ProductImage src={product.image} alt="" />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <p className="text-xs font-medium uppercase tracking-wide text-ink-faint">{product.brand}</p>
        <h3 className="line-clamp-2 text-sm font-semibold leading-snug">
          <Link href={`/products/${product.id}`} prefetch={false} className="after:absolute after:inset-0 focus-visible:outline-none">
            {product.name}
          </Link>
        </h3>
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-semibold">{formatPrice(product.price)}</span>
          <Rating rating={product.rating} reviewCount={product.reviewCount} />
        </div>
        <div className="mt-auto pt-2">
          <AddToCartButton productId={product.id} productName={product.name} size="small" />
        </div>
      </div>
    </article>
  );
}
