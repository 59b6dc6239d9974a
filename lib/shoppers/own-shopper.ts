import { deriveProfile, type ProfileFact } from "./history/derive-profile";
import { loadHistory } from "./history/load-history";
import { historySchema, type ResolvedHistory } from "./history/history";
import { OWN_SHOPPER, OWN_SHOPPER_LABEL, type ShopperProfile } from "./types";

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
  return { id: ownShopperId(browserId), ...OWN_SHOPPER_LABEL, ...facts };
}

/** The browser's own shopper; a browser without an id (no cookie) is a new one, with an empty history. */
export async function getOwnShopper(browserId: string | undefined, timeZone?: string): Promise<OwnShopper> {
  const resolved = browserId ? await loadHistory(browserId) : EMPTY;
  const { profile, facts } = deriveProfile(resolved, new Date(), timeZone);
  return { profile: named(browserId, profile), facts };
}
