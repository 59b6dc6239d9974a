import { PROFILES } from "./data/profiles";
import { NO_SIGNALS, type LiveSignals, type ShopperProfile } from "./types";

// The one door to shopper data.

const profilesById = new Map(PROFILES.map((profile) => [profile.id, profile]));

/** The shopper a first visit gets, so the demo works at once. */
export const DEFAULT_SHOPPER_ID = "12345";

export async function listShoppers(): Promise<readonly ShopperProfile[]> {
  return PROFILES;
}

export async function getShopper(id: string): Promise<ShopperProfile | undefined> {
  return profilesById.get(id);
}

/** What the shopper is doing now. Nothing is recorded yet, so no signals. */
export async function getLiveSignals(_shopperId: string): Promise<LiveSignals> {
  return NO_SIGNALS;
}
