import Link from "next/link";
import type { Category } from "@/lib/catalog/types";

interface CategoryNavProps {
  categories: readonly Category[];
  /** On `/`, the category being browsed (null: all picks); absent on other pages, where nothing is current. */
  current?: string | null;
}

/** Links to each category's picks. Server-rendered: the page knows what is being browsed. */
export function CategoryNav({ categories, current }: CategoryNavProps) {
  const link = (href: string, label: string, isCurrent: boolean) => (
    <Link
      key={href}
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`whitespace-nowrap rounded-full px-3 py-1.5 text-sm transition-colors ${
        isCurrent ? "bg-ink text-white" : "text-ink-soft hover:bg-paper-sunk hover:text-ink"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Categories" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-2">
      {link("/", "All picks", current === null)}
      {categories.map((category) => link(`/?category=${category.slug}`, category.name, current === category.slug))}
    </nav>
  );
}
