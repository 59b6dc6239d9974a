import type { Product } from "@/lib/catalog/types";

const count = new Intl.NumberFormat("en-US");

/** What a fallback card says: honest about where its place came from (the baseline, not the model). */
export function fallbackReason(product: Product): string {
  return `Popular pick: rated ${product.rating.toFixed(1)} by ${count.format(product.reviewCount)} shoppers`;
}
