import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rankings } from "@/lib/db/schema";
import { z } from "zod";
import type { RankingKey } from "./ranking-key";
import { rankedItemSchema, rankingSummarySchema, type RankedItem, type RankingSummary } from "@/lib/ranking/pipeline/events";

export interface StoredRanking {
  items: RankedItem[];
  summary: RankingSummary;
}

function matching(key: RankingKey) {
  return and(
    eq(rankings.shopperId, key.shopperId),
    eq(rankings.inputsFingerprint, key.inputsFingerprint),
    eq(rankings.q, key.q),
    eq(rankings.category, key.category),
    eq(rankings.provider, key.provider),
    eq(rankings.model, key.model),
  );
}

// What is read back is checked like any other input: a row written by an older version may not fit.
const storedRankingSchema = z.object({ items: z.array(rankedItemSchema), summary: rankingSummarySchema });

export async function findStoredRanking(key: RankingKey): Promise<StoredRanking | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ items: rankings.items, summary: rankings.summary })
    .from(rankings)
    .where(matching(key))
    .orderBy(desc(rankings.createdAt))
    .limit(1);
  const stored = storedRankingSchema.safeParse(row);
  return stored.success ? stored.data : undefined;
}

export async function storeRanking(key: RankingKey, ranking: StoredRanking): Promise<void> {
  const db = await getDb();
  await db.insert(rankings).values({ id: crypto.randomUUID(), ...key, ...ranking });
}

/** The model's reason in the shopper's latest stored ranking that placed this product, if any. */
export async function latestStoredReason(shopperId: string, productId: string): Promise<string | undefined> {
  const db = await getDb();
  const placed = JSON.stringify([{ id: productId, source: "model" }]);
  const [row] = await db
    .select({ items: rankings.items })
    .from(rankings)
    .where(and(eq(rankings.shopperId, shopperId), sql`${rankings.items} @> ${placed}::jsonb`))
    .orderBy(desc(rankings.createdAt))
    .limit(1);
  return row?.items.find((item) => item.id === productId)?.reason;
}
