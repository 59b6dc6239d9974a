import { describe, expect, it } from "vitest";
import { addToCart } from "@/lib/cart/cart";
import type { RankedItem, RankingEvent, RankingSummary } from "@/lib/ranking/pipeline/events";
import { prepareRanking } from "@/lib/ranking/service/query";
import { startRanking } from "@/lib/ranking/service/start-ranking";
import { latestStoredReason } from "@/lib/ranking/service/stored-rankings";
import { recordEvent } from "@/lib/signals/events";

async function rank(browserId: string, q?: string, signal = new AbortController().signal) {
  const prepared = await prepareRanking({ shopper: "12345", q }, 100, { id: browserId });
  if (!prepared.ok) throw new Error(prepared.error);
  const events: RankingEvent[] = [];
  for await (const event of startRanking(prepared.value, signal)) events.push(event);
  const done = events.at(-1) as RankingSummary;
  return { ids: events.flatMap((event) => (event.type === "item" ? [event.id] : [])), reasons: events, done };
}

/** A browser whose signals no other test shares. */
async function freshBrowser(): Promise<string> {
  const browser = crypto.randomUUID();
  await recordEvent(browser, "12345", { kind: "search", query: `unique ${browser}` });
  return browser;
}

describe("stored rankings (database)", () => {
  it("replays the same request from storage: same items, replay true", async () => {
    const browser = await freshBrowser();
    const first = await rank(browser, "headphones");
    expect(first.done).toMatchObject({ type: "done", replay: false, outcome: "complete" });
    const second = await rank(browser, "headphones");
    expect(second.done).toMatchObject({ type: "done", replay: true, ranked: first.done.ranked, model: first.done.model });
    expect(second.reasons).toEqual([...first.reasons.slice(0, -1), second.done]);
  });

  it("ranks again when the signals change (a cart add), and the new reasons mention the cart", async () => {
    const browser = await freshBrowser();
    const before = await rank(browser);
    await addToCart(browser, "1", 1);
    const after = await rank(browser);
    expect(after.done.replay).toBe(false);
    expect(after.ids).not.toEqual(before.ids);
    expect(after.reasons.some((event) => event.type === "item" && event.reason.includes("in your cart"))).toBe(true);
  });

  it("does not store a ranking whose consumer left", async () => {
    const browser = await freshBrowser();
    const leave = new AbortController();
    const prepared = await prepareRanking({ shopper: "12345", q: "tent" }, 100, { id: browser });
    if (!prepared.ok) throw new Error(prepared.error);
    for await (const event of startRanking(prepared.value, leave.signal)) {
      if (event.type === "item") leave.abort();
    }
    expect((await rank(browser, "tent")).done.replay).toBe(false);
  });

  it("finds the model's latest stored reason for a product page: each placed product's own reason", async () => {
    const browser = await freshBrowser();
    const { reasons, done } = await rank(browser, "waterproof");
    const placed = reasons.filter((event): event is RankedItem => event.type === "item" && event.source === "model");
    // Several products, not all with the same reason, so a reason found for the wrong product shows.
    // The waterproof products among the picks (related products follow a search that finds few).
    expect(placed.map((item) => item.id)).toEqual(expect.arrayContaining(["4", "56", "62", "8"]));
    expect(placed).toHaveLength(done.ranked);
    expect(new Set(placed.map((item) => item.reason)).size).toBeGreaterThan(1);
    const stored = await Promise.all(placed.map(async (item) => [item.id, await latestStoredReason("12345", item.id)]));
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(placed.map((item) => [item.id, item.reason])));
  });
});
