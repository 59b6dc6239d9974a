import Link from "next/link";
import { OWN_SHOPPER, OWN_SHOPPER_LABEL } from "@/lib/shoppers/types";

interface ShopperOption {
  id: string;
  name: string;
  tagline: string;
}

interface ShopperSwitcherProps {
  /** The demo shoppers; the browser's own ("You") comes first. */
  shoppers: readonly ShopperOption[];
  currentId: string;
}

const YOU: ShopperOption = { id: OWN_SHOPPER, ...OWN_SHOPPER_LABEL };

function ShopperLink({ shopper, current }: { shopper: ShopperOption; current: boolean }) {
  return (
    <Link
      href={`/?shopper=${encodeURIComponent(shopper.id)}`}
      aria-current={current ? "true" : undefined}
      data-shopper-id={shopper.id}
      className="block rounded-lg px-3 py-2 hover:bg-paper-sunk aria-[current]:bg-brand-soft"
    >
      <span className="block text-sm font-medium">{shopper.name}</span>
      <span className="block text-xs text-ink-soft">{shopper.tagline}</span>
    </Link>
  );
}

/**
 * Picks who is shopping: you (the browser's own history), or, under "Shop as…", a demo shopper. Each is a
 * link (`/?shopper=<id>`), so it works before JavaScript loads too. Keyed by the shopper, the menu opens
 * afresh (closed) once a choice has navigated.
 */
export function ShopperSwitcher({ shoppers, currentId }: ShopperSwitcherProps) {
  const current = currentId === OWN_SHOPPER ? YOU : shoppers.find((shopper) => shopper.id === currentId);
  return (
    <details key={currentId} className="group relative" data-testid="shopper-switcher">
      <summary className="flex h-10 cursor-pointer list-none items-center gap-2 rounded-full border border-zinc-300 bg-white px-3 text-sm hover:border-zinc-400 [&::-webkit-details-marker]:hidden">
        <span className="grid size-6 place-items-center rounded-full bg-brand-soft text-xs font-semibold text-brand" aria-hidden>
          {(current?.name ?? "?").charAt(0)}
        </span>
        <span className="hidden max-w-44 truncate sm:inline">{current?.name ?? "Choose a shopper"}</span>
        <span className="sr-only sm:hidden">Shopping as {current?.name ?? "nobody"}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 text-ink-faint transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-72 overflow-hidden rounded-xl border border-zinc-200 bg-white p-1 shadow-lg">
        <ShopperLink shopper={YOU} current={currentId === OWN_SHOPPER} />
        <div className="flex gap-3 px-3 pb-2 text-xs">
          <Link href="/profile" className="font-medium text-brand hover:underline" data-testid="profile-link">
            Your profile
          </Link>
          <Link href="/orders" className="font-medium text-brand hover:underline">
            Your orders
          </Link>
        </div>
        <p className="border-t border-zinc-200 px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-ink-faint" id="shop-as">
          Shop as… (demo shoppers)
        </p>
        <ul aria-labelledby="shop-as">
          {shoppers.map((shopper) => (
            <li key={shopper.id}>
              <ShopperLink shopper={shopper} current={shopper.id === currentId} />
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
