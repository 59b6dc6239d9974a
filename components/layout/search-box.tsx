"use client";

import Form from "next/form";
import { useSearchParams } from "next/navigation";

/** Searches the picks; a search stays within the category being browsed. */
export function SearchBox() {
  const params = useSearchParams();
  const category = params.get("category");
  return (
    <Form action="/" role="search" className="relative flex-1">
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        key={params.get("q") ?? ""}
        defaultValue={params.get("q") ?? ""}
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
    </Form>
  );
}
