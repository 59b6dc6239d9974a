import { takeBeacon } from "./beacon-budget";
import type { ClickEvent } from "./event-input";
import { recordClicks } from "./interactions";
import { allProductsExist } from "./known-products";
import { allShownTo } from "./showings";

export type ClicksAccepted = { ok: true; accepted: number } | { ok: false; status: 400 | 403 | 429; error: string; retryAfterSeconds?: number };

/**
 * POST /api/events' decision: all of a request's clicks are recorded, or none. Refused: a browser past its
 * beacons, a ranking not shown to this browser (unknown or another's: the same answer, so nothing is learnt
 * about other browsers), a product that does not exist.
 */
export async function acceptClicks(browserId: string | undefined, clicks: readonly ClickEvent[]): Promise<ClicksAccepted> {
  if (!browserId) return { ok: false, status: 403, error: "These events name rankings this browser was not shown." };
  const wait = await takeBeacon(browserId);
  if (wait !== undefined) return { ok: false, status: 429, error: `Too many events: try again in ${wait} s.`, retryAfterSeconds: wait };
  if (!(await allShownTo(browserId, clicks.map((click) => click.rankingId)))) {
    return { ok: false, status: 403, error: "These events name rankings this browser was not shown." };
  }
  if (!(await allProductsExist(clicks.map((click) => click.productId)))) return { ok: false, status: 400, error: "An event names a product that does not exist." };
  recordClicks(browserId, clicks);
  return { ok: true, accepted: clicks.length };
}
