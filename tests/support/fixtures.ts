import type { Product } from "@/lib/catalog/types";
import { NO_SIGNALS, type ShopperProfile } from "@/lib/shoppers/types";
import type { RankingInput } from "@/lib/ranking/pipeline/rank-products";

export function product(id: string, overrides: Partial<Product> = {}): Product {
  return {
    id,
    name: `Product ${id}`,
    brand: "Acme",
    category: "electronics",
    kind: "gadget",
    price: 50,
    rating: 4,
    reviewCount: 100,
    description: "A thing.",
    tags: ["thing"],
    image: `/products/${id}.svg`,
    ...overrides,
  };
}

export const shopper: ShopperProfile = {
  id: "t1",
  name: "Test Shopper",
  tagline: "Tests things",
  recentPurchases: [],
  browsedCategories: [],
  ratings: {},
  searchHistory: [],
  preferredBrands: [],
  dislikedBrands: [],
  loyaltyStatus: "None",
  averageMonthlySpend: 100,
  preferredShoppingTimes: "Any time",
};

/** Five candidates "1"…"5" in baseline order. */
export function input(count = 5): RankingInput {
  return { shopper, signals: NO_SIGNALS, candidates: Array.from({ length: count }, (_, i) => product(String(i + 1))) };
}
