import { z } from "zod";

// A ranking as GET /api/rankings streams it (DESIGN §4, NDJSON API): item lines, then one done line. The
// simulator reads what it needs and ignores the rest; a line that is not JSON, or not an item or done line of the
// expected shape, is counted and skipped, as a tolerant client would.

const itemSchema = z.object({
  type: z.literal("item"),
  rank: z.number().int(),
  id: z.string().min(1),
  source: z.enum(["model", "fallback"]),
});

const doneSchema = z.object({
  type: z.literal("done"),
  outcome: z.string(),
  rankingId: z.string().min(1),
  arm: z.string().min(1),
});

export type RankedItem = z.infer<typeof itemSchema>;

export interface Ranking {
  /** In rank order. */
  items: RankedItem[];
  rankingId: string;
  arm: string;
  outcome: string;
  /** Lines that were not a well-formed item or done line. */
  malformed: number;
}

export class RankingError extends Error {}

/** Parses a whole NDJSON ranking; throws a RankingError when it has no done line to name the ranking. */
export function parseRanking(text: string): Ranking {
  const items: RankedItem[] = [];
  let done: z.infer<typeof doneSchema> | undefined;
  let malformed = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      malformed += 1;
      continue;
    }
    const item = itemSchema.safeParse(json);
    if (item.success) {
      items.push(item.data);
      continue;
    }
    const last = doneSchema.safeParse(json);
    if (last.success) done = last.data;
    else malformed += 1;
  }
  if (!done) throw new RankingError(`the ranking has no done line with rankingId and arm (${items.length} items, ${malformed} malformed lines)`);
  items.sort((a, b) => a.rank - b.rank);
  return { items, rankingId: done.rankingId, arm: done.arm, outcome: done.outcome, malformed };
}
