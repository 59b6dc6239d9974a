import type { ProductWords } from "./product-words";
import { sameStem, stems } from "./words";

// A shopper's own words for things — their categories and purchases — against the catalog's.

/** A shopper's words for a category ("Fitness Equipment", "Books") against a slug ("fitness", "books"). */
export function namesCategory(name: string, slug: string): boolean {
  const slugWords = stems(slug.replace(/-/g, " "));
  return stems(name).some((word) => slugWords.some((part) => sameStem(part, word)));
}

/** Whether a purchase ("Wireless Headphones") is the same kind of thing as the product. */
export function samePurchase(purchase: string, words: ProductWords): boolean {
  const wanted = stems(purchase);
  return wanted.length > 0 && wanted.every((word) => words.title.some((own) => sameStem(own, word)));
}
