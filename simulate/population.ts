import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CATEGORIES } from "@/lib/catalog/data/categories";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { parseEvalSet } from "@/lib/eval/format";

// The simulated population: the labelled cases of the eval sets (DESIGN §8) whose candidates are a search —
// q and/or category, or neither for the whole catalog — with at least one product graded 2 or more. A shopper
// drawn from a case searches as the case does and has the case's grades as hidden taste (unlisted: 0). Id-list
// cases are left out: a shopper cannot ask the store for a list of ids.

export const DEFAULT_SETS = ["eval/sets/dev.jsonl", "eval/sets/holdout.jsonl", "eval/sets/search.jsonl"];

export interface ShopperCase {
  /** `<set file>#<case id>`: case ids are unique within a set only. */
  id: string;
  q?: string;
  category?: string;
  relevance: Record<string, number>;
  /** The product page the shopper lands on first: the first product graded 3 (else 2) in id order. */
  landing: string;
}

const byId = new Intl.Collator("en", { numeric: true }).compare;

export function landingProduct(relevance: Readonly<Record<string, number>>): string | undefined {
  const ids = Object.keys(relevance).sort(byId);
  return ids.find((id) => (relevance[id] ?? 0) >= 3) ?? ids.find((id) => (relevance[id] ?? 0) >= 2);
}

/**
 * Reads the sets with the eval's own reader, against the demo catalog the sets are labelled on. Only the labels
 * and the search are used, so the reader's retrieval is answered with the whole catalog, with no database:
 * what the store retrieves is what the store serves, over HTTP.
 */
export async function loadPopulation(files: readonly string[] = DEFAULT_SETS, cwd = process.cwd()): Promise<ShopperCase[]> {
  const cases: ShopperCase[] = [];
  for (const file of files) {
    const set = await parseEvalSet(readFileSync(resolve(cwd, file), "utf8"), file, {
      products: PRODUCTS,
      categories: CATEGORIES,
      retrieve: async () => ({ products: [...PRODUCTS], searchTerms: "" }),
    });
    for (const evalCase of set.cases) {
      if ("ids" in evalCase.search) continue;
      const landing = landingProduct(evalCase.relevance);
      if (!landing) continue;
      const { q, category } = evalCase.search;
      cases.push({ id: `${file}#${evalCase.id}`, ...(q ? { q } : {}), ...(category ? { category } : {}), relevance: evalCase.relevance, landing });
    }
  }
  return cases;
}
