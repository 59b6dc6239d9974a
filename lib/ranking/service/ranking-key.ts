import { createHash } from "node:crypto";
import type { LiveSignals, ShopperProfile } from "@/lib/shoppers/types";
import type { PreparedRanking } from "./query";

/** What a ranking was computed from: the same key means the same answer, replayed without a model call. */
export interface RankingKey {
  shopperId: string;
  /** The profile's facts, live signals and candidate ids (see inputsFingerprint). */
  inputsFingerprint: string;
  q: string;
  category: string;
  provider: string;
  model: string;
}

/** A short hash of what a ranking is computed from besides the query: equal inputs, equal fingerprint. */
export function inputsFingerprint(shopper: ShopperProfile, signals: LiveSignals, candidateIds: readonly string[]): string {
  // A browser's own profile changes with its history: a ranking made for an older one is not replayed.
  const { id: _id, name: _name, tagline: _tagline, ...profile } = shopper;
  const canonical = JSON.stringify({
    profile,
    cart: signals.cart.map((product) => product.id),
    viewed: signals.recentlyViewed.map((product) => product.id),
    searches: signals.recentSearches,
    categories: signals.recentCategories,
    candidates: candidateIds,
  });
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}

/** The key a prepared ranking is stored and replayed by, for the model that ranks it. */
export function rankingKey(prepared: PreparedRanking, model: { name: string; model: string }): RankingKey {
  return {
    shopperId: prepared.shopper.id,
    inputsFingerprint: inputsFingerprint(prepared.shopper, prepared.signals, prepared.candidates.map((product) => product.id)),
    q: prepared.search ?? "",
    category: prepared.category?.slug ?? "",
    provider: model.name,
    model: model.model,
  };
}
