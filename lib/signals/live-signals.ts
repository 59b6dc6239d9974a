import { desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { cartItems, events, products } from "@/lib/db/schema";
import { NO_SIGNALS, type LiveSignals, type SignalProduct } from "@/lib/shoppers/types";

/** How far back and how many of each kind the prompt gets: recent first, bounded. */
const LOOK_BACK_EVENTS = 100;
const MOST = { cart: 10, viewed: 6, searches: 5, categories: 5 } as const;

/** Distinct values, first occurrence kept (the input is newest first). */
function distinctRecent(values: readonly (string | null)[], most: number): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    if (value && !seen.has(value)) seen.add(value);
    if (seen.size === most) break;
  }
  return [...seen];
}

/** What this browser is doing now: its cart and its recent views, searches and categories. */
export async function getLiveSignals(browserId: string | undefined): Promise<LiveSignals> {
  if (!browserId) return NO_SIGNALS;
  const db = await getDb();
  const signalColumns = { id: products.id, name: products.name, brand: products.brand, kind: products.kind, category: products.category };
  const [cart, recent] = await Promise.all([
    db
      .select(signalColumns)
      .from(cartItems)
      .innerJoin(products, eq(products.id, cartItems.productId))
      .where(eq(cartItems.cartId, browserId))
      .orderBy(desc(cartItems.updatedAt), desc(cartItems.productId))
      .limit(MOST.cart),
    db.select().from(events).where(eq(events.browserId, browserId)).orderBy(desc(events.id)).limit(LOOK_BACK_EVENTS),
  ]);
  const viewedIds = distinctRecent(
    recent.filter((event) => event.kind === "view").map((event) => event.productId),
    MOST.viewed,
  );
  const viewedRows: SignalProduct[] = viewedIds.length > 0 ? await db.select(signalColumns).from(products).where(inArray(products.id, viewedIds)) : [];
  const viewedById = new Map(viewedRows.map((row) => [row.id, row]));
  return {
    cart,
    recentlyViewed: viewedIds.flatMap((id) => viewedById.get(id) ?? []),
    recentSearches: distinctRecent(
      recent.filter((event) => event.kind === "search").map((event) => event.query?.toLowerCase() ?? null),
      MOST.searches,
    ),
    recentCategories: distinctRecent(
      recent.filter((event) => event.kind === "category").map((event) => event.category),
      MOST.categories,
    ),
  };
}
