"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

interface SearchBoxProps {
  /** The search being shown, if any. */
  q?: string | null;
  /** The category being browsed: a search stays within it. */
  category?: string | null;
}

/**
 * Searches the picks. A plain GET form to `/` (it works before JavaScript loads); once hydrated, a
 * client-side navigation, so the grid re-ranks in place instead of reloading the page.
 */
export function SearchBox({ q, category }: SearchBoxProps) {
  const router = useRouter();
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string") params.append(name, value);
    router.push(`/?${params.toString()}`);
  };
  return (
    <form action="/" role="search" className="relative flex-1" onSubmit={search}>
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        key={q ?? ""}
        defaultValue={q ?? ""}
        maxLength={200}
        placeholder="Search products, brands…"
        className="h-10 w-full rounded-full border border-zinc-300 bg-white pl-4 pr-10 text-sm placeholder:text-ink-faint focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/20"
      />
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <button type="submit" className="absolute right-1 top-1 grid size-8 place-items-center rounded-full text-ink-soft hover:bg-paper-sunk" aria-label="Search">
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="9" cy="9" r="6" />
          <path d="m14 14 4 4" strokeLinecap="round" />
        </svg>
      </button>
    </form>
  );
}
