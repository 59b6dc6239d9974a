import type { Metadata } from "next";
import Link from "next/link";
import { Header } from "@/components/layout/header";
import { OrderSummary } from "@/components/orders/order-summary";
import { currentBrowserId } from "@/lib/browser/current-browser";
import { listOrders } from "@/lib/orders/orders";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

export const metadata: Metadata = { title: "Your orders" };

/** `/orders`: this browser's orders, newest first. */
export default async function OrdersPage() {
  const [orders, shopperId] = await Promise.all([currentBrowserId().then(listOrders), rememberedShopperId()]);
  return (
    <>
      <Header shopperId={shopperId} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your orders</h1>
        {orders.length === 0 ? (
          <p className="mt-6 text-ink-soft">
            No orders yet. <Link href="/" className="font-medium text-brand hover:underline">Back to your picks</Link>
          </p>
        ) : (
          <div className="mt-6 flex flex-col gap-4">
            {orders.map((order) => (
              <OrderSummary key={order.id} order={order} link />
            ))}
          </div>
        )}
      </main>
    </>
  );
}
