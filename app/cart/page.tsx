import type { Metadata } from "next";
import Link from "next/link";
import { CartLineControls } from "@/components/cart/cart-line-controls";
import { Header } from "@/components/layout/header";
import { ProductImage } from "@/components/product/product-image";
import { currentBrowserId } from "@/lib/browser/current-browser";
import { getCart, MAX_QUANTITY } from "@/lib/cart/cart";
import { formatPrice } from "@/lib/format/money";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

export const metadata: Metadata = { title: "Your cart" };

/** `/cart`: this browser's cart, with quantities and totals. */
export default async function CartPage() {
  const [cart, shopperId] = await Promise.all([currentBrowserId().then(getCart), rememberedShopperId()]);
  return (
    <>
      <Header shopperId={shopperId} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your cart</h1>
        {cart.lines.length === 0 ? (
          <div className="mt-6 rounded-card border border-zinc-200 bg-white p-8 text-center">
            <p className="text-ink-soft">Your cart is empty.</p>
            <Link href="/" className="mt-4 inline-block rounded-full bg-ink px-5 py-2.5 text-sm font-medium text-white">
              Back to your picks
            </Link>
          </div>
        ) : (
          <>
            <ul className="mt-6 divide-y divide-zinc-200 rounded-card border border-zinc-200 bg-white" data-testid="cart-lines">
              {cart.lines.map(({ product, quantity, lineTotal }) => (
                <li key={product.id} className="flex gap-4 p-4" data-testid="cart-line" data-product-id={product.id}>
                  <Link href={`/products/${product.id}`} className="frame size-20 shrink-0 overflow-hidden rounded-lg bg-paper-sunk sm:size-24">
                    <ProductImage src={product.image} alt={product.name} sizes="96px" />
                  </Link>
                  <div className="flex flex-1 flex-col gap-2">
                    <div className="flex items-start justify-between gap-4">
                      <div>
                        <p className="text-xs font-medium uppercase tracking-wide text-ink-faint">{product.brand}</p>
                        <Link href={`/products/${product.id}`} className="font-semibold hover:underline">
                          {product.name}
                        </Link>
                        <p className="text-sm text-ink-soft">{formatPrice(product.price)} each</p>
                      </div>
                      <p className="font-semibold" data-testid="cart-line-total">
                        {formatPrice(lineTotal)}
                      </p>
                    </div>
                    <CartLineControls productId={product.id} productName={product.name} quantity={quantity} maxQuantity={MAX_QUANTITY} />
                  </div>
                </li>
              ))}
            </ul>
            <div className="mt-4 flex items-center justify-between rounded-card bg-white p-4">
              <span className="text-ink-soft">
                Subtotal ({cart.count} {cart.count === 1 ? "item" : "items"})
              </span>
              <span className="text-xl font-semibold" data-testid="cart-subtotal">
                {formatPrice(cart.subtotal)}
              </span>
            </div>
            <div className="mt-4 flex justify-end">
              <Link href="/checkout" className="rounded-full bg-ink px-6 py-3 text-sm font-medium text-white hover:bg-ink/85" data-testid="go-to-checkout">
                Check out
              </Link>
            </div>
          </>
        )}
      </main>
    </>
  );
}
