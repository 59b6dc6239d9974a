import Link from "next/link";

interface CartCountProps {
  count: number;
}

/** The header's cart link; the badge's text is the number of items (docs/architecture.md §2). */
export function CartCount({ count }: CartCountProps) {
  return (
    <Link href="/cart" className="relative grid size-10 shrink-0 place-items-center rounded-full border border-zinc-300 bg-white hover:border-zinc-400" aria-label={`Cart: ${count} ${count === 1 ? "item" : "items"}`}>
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="10" cy="20" r="1.3" />
        <circle cx="17" cy="20" r="1.3" />
      </svg>
      <span data-testid="cart-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-ink px-1 text-center text-[11px] font-semibold leading-5 text-white">
        {count}
      </span>
    </Link>
  );
}
