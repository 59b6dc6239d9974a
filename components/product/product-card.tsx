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

/**
 * A ranked product, rendered on the server. The model's reason is a text child: React escapes it, never HTML.
 * The card crosses the wire twice, as HTML and in the RSC payload, 72 times a page: its parts are as few
 * elements and attributes as its look needs, styled by one class each or by their place in the card
 * (app/globals.css, docs/architecture.md §11).
 */
export function ProductCard({ product, item, priority = false }: ProductCardProps) {
  return (
    <article data-testid="ranked-card" data-product-id={product.id} data-rank={item.rank} data-source={item.source} className="card">
      <div className="card-media">
        <ProductImage src={product.image} alt="" eager={priority} />
        <b>{`#${item.rank}`}</b>
        <span>{item.source === "model" ? "Model pick" : "More for you"}</span>
      </div>
      <ProductFacts product={product}>
        {/* A model pick's reason starts "Why: " (app/globals.css). */}
        <p className="card-reason">{item.reason}</p>
      </ProductFacts>
    </article>
  );
}

/**
 * What every product card shows below its picture — brand, name (the link to its page), price, rating, the
 * add-to-cart button — with `children` (a reason) before the button.
 */
export function ProductFacts({ product, children }: { product: Product; children?: React.ReactNode }) {
  return (
    <div className="card-body">
      <p className="card-brand">{product.brand}</p>
      <h3 className="card-title">
        {/* Prefetched on hover, not on sight: a streaming grid of 72 would otherwise ask the server to render
            a product page for every card as it arrives, competing with the ranking being streamed. */}
        <Link href={`/products/${product.id}`} prefetch={false}>
          {product.name}
        </Link>
      </h3>
      <div className="card-row">
        <span className="card-price">{formatPrice(product.price)}</span>
        <Rating rating={product.rating} reviewCount={product.reviewCount} />
      </div>
      {children}
      <AddToCartButton productId={product.id} productName={product.name} />
    </div>
  );
}
