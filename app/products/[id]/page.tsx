import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { Header } from "@/components/layout/header";
import { ProductImage } from "@/components/product/product-image";
import { Rating } from "@/components/product/rating";
import { WhyPicked } from "@/components/product/why-picked";
import { getCategory, getProduct } from "@/lib/catalog/catalog";
import { formatPrice } from "@/lib/format/money";
import { RecordVisit } from "@/components/signals/record-visit";
import { latestStoredReason } from "@/lib/ranking/service/stored-rankings";
import { RateProduct } from "@/components/product/rate-product";
import { currentBrowser } from "@/lib/browser/current-browser";
import { hasBought } from "@/lib/orders/orders";
import { ratingOf } from "@/lib/shoppers/answers";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";
import { shopperIdentity } from "@/lib/shoppers/shoppers";

export async function generateMetadata({ params }: PageProps<"/products/[id]">): Promise<Metadata> {
  const product = await getProduct((await params).id);
  return product ? { title: product.name, description: product.description } : { title: "Not found" };
}

/** `/products/<id>`: the product, and why the model picked it for this shopper when it did. */
export default async function ProductPage({ params }: PageProps<"/products/[id]">) {
  const product = await getProduct((await params).id);
  if (!product) notFound();
  const [shopperId, browser] = await Promise.all([rememberedShopperId(), currentBrowser()]);
  const [category, shopper, bought, stars] = await Promise.all([
    getCategory(product.category),
    shopperIdentity(shopperId, browser),
    hasBought(browser.id, product.id),
    ratingOf(browser.id, product.id),
  ]);
  // The rankings table is the one record of why a product was picked (docs/architecture.md).
  const reason = shopper ? await latestStoredReason(shopper.id, product.id) : undefined;

  return (
    <>
      <Header shopperId={shopperId} />
      <RecordVisit visit={{ kind: "view", productId: product.id }} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
        <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-soft">
          <Link href="/" className="hover:text-ink">
            Picks
          </Link>
          {category ? (
            <>
              <span aria-hidden className="mx-2">/</span>
              <Link href={`/?category=${category.slug}`} className="hover:text-ink">
                {category.name}
              </Link>
            </>
          ) : null}
        </nav>
        <article className="grid gap-6 md:grid-cols-2 md:gap-10" data-testid="product" data-product-id={product.id}>
          <div className="frame aspect-square overflow-hidden rounded-card border border-zinc-200 bg-paper-sunk">
            <ProductImage src={product.image} alt={product.name} eager sizes="(min-width: 1152px) 560px, (min-width: 768px) 50vw, 100vw" />
          </div>
          <div className="flex flex-col gap-4">
            <div>
              <p className="text-sm font-medium uppercase tracking-wide text-ink-faint">{product.brand}</p>
              <h1 className="mt-1 text-3xl font-semibold tracking-tight">{product.name}</h1>
              <div className="mt-2">
                <Rating rating={product.rating} reviewCount={product.reviewCount} />
              </div>
            </div>
            <p className="text-2xl font-semibold">{formatPrice(product.price)}</p>
            {/* Open Graph's product price (React puts these in the head): for link previews, feeds and the simulator. */}
            <meta property="product:price:amount" content={product.price.toFixed(2)} />
            <meta property="product:price:currency" content="USD" />
            <p className="leading-relaxed text-ink-soft">{product.description}</p>
            {reason && shopper ? <WhyPicked reason={reason} shopperName={shopper.name} /> : null}
            <div>
              <AddToCartButton productId={product.id} productName={product.name} size="large" />
            </div>
            {bought ? <RateProduct productId={product.id} stars={stars} /> : null}
            <ul aria-label="Tags" className="flex flex-wrap gap-2">
              {product.tags.map((tag) => (
                <li key={tag}>
                  <Link href={`/?q=${encodeURIComponent(tag)}`} className="rounded-full bg-paper-sunk px-3 py-1 text-xs text-ink-soft hover:text-ink">
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </article>
      </main>
    </>
  );
}
