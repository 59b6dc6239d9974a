"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { Category } from "@/lib/catalog/types";

interface CategoryNavProps {
  categories: readonly Category[];
}

export function CategoryNav({ categories }: CategoryNavProps) {
  const onPicks = usePathname() === "/";
  const active = useSearchParams().get("category");
  const link = (href: string, label: string, current: boolean) => (
    <Link
      key={href}
      href={href}
      aria-current={current ? "page" : undefined}
      className={`whitespace-nowrap rounded-full px-3 py-1.5 text-sm transition-colors ${
        current ? "bg-ink text-white" : "text-ink-soft hover:bg-paper-sunk hover:text-ink"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Categories" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-2">
      {link("/", "All picks", onPicks && !active)}
      {categories.map((category) => link(`/?category=${category.slug}`, category.name, onPicks && active === category.slug))}
    </nav>
  );
}
