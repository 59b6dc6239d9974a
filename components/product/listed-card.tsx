import type { Product } from "@/lib/catalog/types";
import { ProductFacts } from "./product-card";
import { ProductImage } from "./product-image";

/** A product on a page after the ranked window: in retrieval order, so no rank, source or reason. */
export function ListedCard({ product }: { product: Product }) {
  return (
    <article data-testid="listed-card" data-product-id={product.id} className="card">
      <div className="card-media">
        <ProductImage src={product.image} alt="" />
      </div>
      <ProductFacts product={product} />
    </article>
  );
}
