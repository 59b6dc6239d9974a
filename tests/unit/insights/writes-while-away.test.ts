import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { interactions, showings } from "@/lib/db/schema";
import { PRODUCTS } from "@/lib/catalog/data/products";
import { flushAttribution } from "@/lib/insights/record/batched-writes";
import { recordClicks } from "@/lib/insights/record/interactions";
import { recordShowing } from "@/lib/insights/record/showings";

// The batch writer while the database is away (lib/insights/record/batched-writes.ts): nothing is lost, and a
// click is never written before the showing it names (it would be dropped: a click needs its showing).

const database = vi.hoisted(() => ({ failures: 0 }));
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  return {
    ...actual,
    getDb: async () => {
      if (database.failures > 0) {
        database.failures--;
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      }
      return actual.getDb();
    },
  };
});
const { getDb } = await import("@/lib/db/client");

const product = PRODUCTS[0]?.id ?? "";

/** A browser shown a ranking that it then clicks, both still queued. */
function queueShowingAndClick(position: number): { browserId: string; showingId: string } {
  const browserId = crypto.randomUUID();
  const showingId = crypto.randomUUID();
  recordShowing({ id: showingId, browserId, arm: "model" }, 0);
  recordClicks(browserId, [{ id: crypto.randomUUID(), type: "click", rankingId: showingId, productId: product, position, source: "model" }]);
  return { browserId, showingId };
}

async function written(browserId: string, showingId: string) {
  const db = await getDb();
  return {
    showings: (await db.select().from(showings).where(eq(showings.id, showingId))).length,
    clicks: (await db.select().from(interactions).where(eq(interactions.browserId, browserId))).length,
  };
}

describe("attribution's writes while the database is away", () => {
  it("keeps a click whose showing could not be written, and writes both once the database answers", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { browserId, showingId } = queueShowingAndClick(1);
    // The showings' write fails; the database is back for the clicks' turn: they must wait for their showing.
    database.failures = 1;
    await flushAttribution();
    expect(await written(browserId, showingId)).toEqual({ showings: 0, clicks: 0 });
    await flushAttribution();
    expect(await written(browserId, showingId)).toEqual({ showings: 1, clicks: 1 });
  });

  it("keeps everything while the database stays away, and writes it when it is back", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { browserId, showingId } = queueShowingAndClick(2);
    database.failures = 1_000;
    await flushAttribution();
    await flushAttribution();
    database.failures = 0;
    await flushAttribution();
    expect(await written(browserId, showingId)).toEqual({ showings: 1, clicks: 1 });
  });
});
