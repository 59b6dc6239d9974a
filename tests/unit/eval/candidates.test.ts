import { describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/catalog/catalog";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { searchCatalog } from "@/lib/eval/candidates";

// The eval finds a case's candidates in memory; they must be the storefront's own (lib/catalog findCandidates).

describe("the eval's candidates", () => {
  it.each([{}, { q: "budget" }, { q: "lips" }, { q: "red" }, { category: "books" }, { q: "jacket", category: "fashion" }, { q: "100%" }, { q: "wireless NOISE" }])(
    "are the storefront's for %o, in its order",
    async (search) => {
      const stored = await findCandidates({ ...search, limit: 100 });
      expect(searchCatalog(PRODUCTS, search, 100).map((product) => product.id)).toEqual(stored.map((product) => product.id));
    },
  );
});
