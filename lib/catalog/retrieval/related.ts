import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf, textArray } from "@/lib/db/rows";
import { companionsOf } from "@/lib/embedded-ranker/complements";
import { productColumnsSql, toProduct, type ProductRow } from "@/lib/catalog/product-rows";
import type { Product } from "@/lib/catalog/types";

// When a search finds only a few products ("tents": two), a shopper still expects a page: what is like them
// follows — products of the kinds found and of what goes with them first, then of the same categories — as a
// store shows "related to your search" under its results. Found products always come first (the search's
// order), related ones after, and the page says how many matched (docs/architecture.md §16).

/** How many of the first matches say what the search is about. */
const LEAD = 8;

export async function relatedTo(db: Db, found: readonly Product[], { category, limit }: { category?: string; limit: number }): Promise<Product[]> {
  if (found.length === 0 || limit <= 0) return [];
  const lead = found.slice(0, LEAD);
  const kinds = [...new Set(lead.map((product) => product.kind.toLowerCase()))];
  const companions = [...new Set(kinds.flatMap((kind) => companionsOf(kind).kinds))].filter((kind) => !kinds.includes(kind));
  const categories = [...new Set(lead.map((product) => product.category))];
  const exclude = textArray(found.map((product) => product.id));
  const inCategory = category ? sql`and p.category = ${category}` : sql``;
  // Each tier read in popularity order from its index, one value at a time; each product once, at its best tier.
  const tier = (rank: number, column: SQL, values: readonly string[]) =>
    sql`select pick.id, ${rank}::int as tier, pick.popularity from unnest(${textArray(values)}::text[]) as wanted(value)
      cross join lateral (select p.id, p.popularity from products p where ${column} = wanted.value and p.id <> all(${exclude}::text[]) ${inCategory}
        order by p.popularity desc nulls last, length(p.id), p.id limit ${limit}) as pick`;
  const rows = await rowsOf<ProductRow>(
    db,
    sql`with tiers as (${tier(0, sql`lower(p.kind)`, kinds)} union all ${tier(1, sql`lower(p.kind)`, companions)} union all ${tier(2, sql`p.category`, categories)}),
      best as (select id, min(tier) as tier, max(popularity) as popularity from tiers group by id order by 2, 3 desc nulls last, length(id), id limit ${limit})
      select ${productColumnsSql} from best join products p on p.id = best.id
      order by best.tier, p.popularity desc nulls last, length(p.id), p.id`,
  );
  return rows.map(toProduct);
}
