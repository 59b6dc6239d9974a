import { listCategories } from "@/lib/catalog/catalog";
import { deriveProfile, type ProfileFact } from "./history/derive-profile";
import { historyProducts, loadHistory } from "./history/load-history";
import { historySchema, type ResolvedHistory } from "./history/history";
import { OWN_SHOPPER, type ShopperProfile } from "./types";

// A browser's own shopper ("You", `?shopper=me`): its profile is derived from its own history at each
// ranking (docs/architecture.md §18). Its id carries the browser's, so what is stored for it (rankings) is
// that browser's alone; the id never reaches the prompt (prompt.ts leaves id, name and tagline out).

export interface OwnShopper {
  profile: ShopperProfile;
  facts: ProfileFact[];
}

/** The stored id of a browser's own shopper: never a demo shopper's, never accepted from a URL. */
export function ownShopperId(browserId: string | undefined): string {
  return browserId ? `${OWN_SHOPPER}-${browserId}` : OWN_SHOPPER;
}

const EMPTY: ResolvedHistory = { history: historySchema.parse({}), products: new Map(), categoryNames: new Map() };

function named(browserId: string | undefined, facts: Omit<ShopperProfile, "id" | "name" | "tagline">): ShopperProfile {
  return { id: ownShopperId(browserId), name: "You", tagline: "Ranked from what you do here", ...facts };
}

/** The browser's own shopper; a browser without an id (no cookie) is a new one, with an empty history. */
export async function getOwnShopper(browserId: string | undefined, timeZone?: string): Promise<OwnShopper> {
  const resolved = browserId ? await loadHistory(browserId) : EMPTY;
  const { profile, facts } = deriveProfile(resolved, new Date(), timeZone);
  return { profile: named(browserId, profile), facts };
}

/** An eval case's hand-written history as a profile, by the store's own code (DESIGN §8). */
export async function profileFromHistory(history: unknown, now: Date): Promise<Omit<ShopperProfile, "id" | "name" | "tagline">> {
  const parsed = historySchema.parse(history);
  const [products, categories] = await Promise.all([historyProducts(parsed), listCategories()]);
  return deriveProfile({ history: parsed, products, categoryNames: new Map(categories.map((category) => [category.slug, category.name])) }, now).profile;
}
