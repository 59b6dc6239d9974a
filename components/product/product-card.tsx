import Link from "next/link";
import type { Product } from "@/lib/catalog/types";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { formatPrice } from "@/lib/format/money";
import type { RankedItem } from "@/lib/ranking/pipeline/events";
import { ProductImage } from "./product-image";
import { Rating } from "./rating";

interface ProductCardProps {
  product: Product;
  item: RankedItem;
  /** Eager-load the first row's images: they are above the fold. */
  priority?: boolean;
}

/** A ranked product, rendered on the server. The model's reason is a text child: React escapes it, never HTML. */
export function ProductCard({ product, item, priority = false }: ProductCardProps) {
  const fromModel = item.source === "model";
  return (
    <article
      data-testid="ranked-card"
      data-product-id={product.id}
      data-rank={item.rank}
      data-source={item.source}
      className="group relative flex h-full flex-col overflow-hidden rounded-card border border-zinc-200 bg-paper-raised shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-brand hover:shadow-md"
    >
      <div className="relative aspect-square bg-paper-sunk">
        <ProductImage src={product.image} alt="" eager={priority} />
        <span className="absolute left-2 top-2 rounded-full bg-white/90 px-2 py-0.5 text-xs font-semibold text-ink shadow-sm">
          <span className="sr-only">Rank </span>#{item.rank}
        </span>
        <span
          data-testid="card-source"
          title={fromModel ? "Picked by the model for you" : "Not one of the model's picks: placed by Aisle's own ranker from your profile"}
          className={`absolute right-2 top-2 rounded-full px-2 py-0.5 text-[11px] font-medium shadow-sm ${fromModel ? "bg-brand text-white" : "bg-white/90 text-ink-soft"}`}
        >
          {fromModel ? "Model pick" : "More for you"}
        </span>
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <p className="text-xs font-medium uppercase tracking-wide text-ink-faint">{product.brand}</p>
        <h3 className="line-clamp-2 text-sm font-semibold leading-snug">
          {/* Prefetched on hover, not on sight: a streaming grid of 72 would otherwise ask the server to render
              a product page for every card as it arrives, competing with the ranking being streamed. */}
          <Link href={`/products/${product.id}`} prefetch={false} className="after:absolute after:inset-0 focus-visible:outline-none">
            {product.name}
          </Link>
        </h3>
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-semibold">{formatPrice(product.price)}</span>
          <Rating rating={product.rating} reviewCount={product.reviewCount} />
        </div>
        <p className="mt-1 line-clamp-3 text-xs leading-relaxed text-ink-soft" data-testid="card-reason">
          {fromModel ? <span className="font-medium text-brand">Why: </span> : null}
          {item.reason}
        </p>
        <div className="mt-auto pt-2">
          <AddToCartButton productId={product.id} productName={product.name} size="small" />
        </div>
      </div>
    </article>
  );
}
