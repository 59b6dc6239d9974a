import type { Metadata } from "next";
import Link from "next/link";
import { Header } from "@/components/layout/header";
import { CheckoutForm } from "@/components/orders/checkout-form";
import { currentBrowserId } from "@/lib/browser/current-browser";
import { getCart } from "@/lib/cart/cart";
import { formatPrice } from "@/lib/format/money";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

export const metadata: Metadata = { title: "Checkout" };

/** `/checkout`: the cart, a name and an email, and one button that places it as an order (no payment). */
export default async function CheckoutPage() {
  const [cart, shopperId] = await Promise.all([currentBrowserId().then(getCart), rememberedShopperId()]);
  return (
    <>
      <Header shopperId={shopperId} />
      <main className="mx-auto max-w-xl px-4 py-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
        {cart.lines.length === 0 ? (
          <p className="mt-6 text-ink-soft">
            Your cart is empty. <Link href="/" className="font-medium text-brand hover:underline">Back to your picks</Link>
          </p>
        ) : (
          <>
            <ul className="mt-6 divide-y divide-zinc-200 rounded-card border border-zinc-200 bg-white" data-testid="checkout-lines">
              {cart.lines.map(({ product, quantity, lineTotal }) => (
                <li key={product.id} className="flex justify-between gap-4 p-4 text-sm">
                  <span>
                    {quantity} × {product.name}
                  </span>
                  <span className="font-medium">{formatPrice(lineTotal)}</span>
                </li>
              ))}
              <li className="flex justify-between gap-4 p-4 font-semibold">
                <span>Total</span>
                <span data-testid="checkout-total">{formatPrice(cart.subtotal)}</span>
              </li>
            </ul>
            <CheckoutForm idempotencyKey={crypto.randomUUID()} />
          </>
        )}
      </main>
    </>
  );
}
