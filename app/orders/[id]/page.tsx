import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Header } from "@/components/layout/header";
import { OrderSummary } from "@/components/orders/order-summary";
import { currentBrowserId } from "@/lib/browser/current-browser";
import { getOrder } from "@/lib/orders/orders";
import { rememberedShopperId } from "@/lib/shoppers/request-shopper";

export const metadata: Metadata = { title: "Your order" };

/** `/orders/<id>`: one order, only for the browser that placed it; to anyone else it does not exist (404). */
export default async function OrderPage({ params }: PageProps<"/orders/[id]">) {
  const [order, shopperId] = await Promise.all([currentBrowserId().then(async (browserId) => getOrder(browserId, (await params).id)), rememberedShopperId()]);
  if (!order) notFound();
  return (
    <>
      <Header shopperId={shopperId} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Thank you, {order.name}</h1>
        <p className="mt-1 text-ink-soft">Your order is placed. No payment was taken: this is a demo store.</p>
        <div className="mt-6">
          <OrderSummary order={order} />
        </div>
        <p className="mt-6 text-sm">
          <Link href="/orders" className="font-medium text-brand hover:underline">All your orders</Link> ·{" "}
          <Link href="/profile" className="font-medium text-brand hover:underline">What the store knows about you</Link>
        </p>
      </main>
    </>
  );
}
