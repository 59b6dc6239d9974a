import Link from "next/link";
import type { Order } from "@/lib/orders/orders";
import { formatPrice } from "@/lib/format/money";

const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One order: when, its lines at the prices it was placed at, its total. */
export function OrderSummary({ order, link = false }: { order: Order; link?: boolean }) {
  return (
    <section className="rounded-card border border-zinc-200 bg-white p-4" data-testid="order" data-order-id={order.id}>
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="font-semibold">
          {link ? <Link href={`/orders/${order.id}`} className="hover:underline">Order of {date.format(order.createdAt)} UTC</Link> : <>Order of {date.format(order.createdAt)} UTC</>}
        </h2>
        <span className="font-semibold" data-testid="order-total">
          {formatPrice(order.totalCents / 100)}
        </span>
      </div>
      <ul className="mt-2 text-sm text-ink-soft">
        {order.lines.map((line) => (
          <li key={line.productId} data-testid="order-line" data-product-id={line.productId}>
            {line.quantity} × <Link href={`/products/${line.productId}`} className="hover:underline">{line.name}</Link> at {formatPrice(line.priceCents / 100)}
          </li>
        ))}
      </ul>
    </section>
  );
}
