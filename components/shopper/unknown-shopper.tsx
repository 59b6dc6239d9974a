import Link from "next/link";
import { Notice } from "@/components/layout/notice";
import { listShoppers } from "@/lib/shoppers/shoppers";

/** An unknown `?shopper=`: a clear message and the demo shoppers to pick from, never a crash. */
export async function UnknownShopper({ id }: { id: string }) {
  const shoppers = await listShoppers();
  return (
    <Notice title={`We don’t know a shopper called “${id}”`}>
      <p>Pick one of our demo shoppers:</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {shoppers.map((shopper) => (
          <li key={shopper.id}>
            <Link href={`/?shopper=${encodeURIComponent(shopper.id)}`} className="rounded-full bg-white px-3 py-1 font-medium text-ink shadow-sm hover:bg-paper-sunk">
              {shopper.name}
            </Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
