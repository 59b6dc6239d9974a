import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interactions, showings } from "@/lib/db/schema";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { processSingleton } from "@/lib/process/process-singleton";

// Attribution is written in batches, off the request's path: a page or a beacon only queues its rows, and one
// writer per process inserts what queued in the last few milliseconds as one statement per table
// (docs/architecture.md §19). A burst of events is then a few inserts, never a wait on a page.

export type NewShowing = typeof showings.$inferInsert;
export type NewInteraction = typeof interactions.$inferInsert;

/** How long a row waits for company before it is written, and how many rows make a batch at once. */
const FLUSH_AFTER_MS = 250;
const BATCH_ROWS = 2_000;
/**
 * Interactions a statement inserts; a batch's statements are written one after another with the event loop
 * free between them. Embedded PGlite runs a statement on the page's own thread (~1 ms a statement and ~35 µs
 * a row on disk), so 250 rows at once hold a page's rendering ~10–15 ms; 100 at a time hold it ~5 ms and
 * cost little more than one statement would (docs/architecture.md §21).
 */
const STATEMENT_ROWS = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows kept for a retry while the database is away; beyond it the oldest are dropped (and logged). */
const MAX_QUEUED = 50_000;

interface Queue {
  showings: Map<string, NewShowing>;
  /** Showing id → its cost, for showings already written. */
  costs: Map<string, number>;
  interactions: NewInteraction[];
  timer: ReturnType<typeof setTimeout> | undefined;
  writing: Promise<void>;
}

const queue = processSingleton<Queue>("attribution-writes", () => ({ showings: new Map(), costs: new Map(), interactions: [], timer: undefined, writing: Promise.resolve() }));

function queuedRows(): number {
  return queue.showings.size + queue.costs.size + queue.interactions.length;
}

function schedule(): void {
  if (queuedRows() >= BATCH_ROWS) void flushAttribution();
  else queue.timer ??= setTimeout(() => void flushAttribution(), FLUSH_AFTER_MS);
}

export function queueShowing(row: NewShowing): void {
  queue.showings.set(row.id, row);
  schedule();
}

/** The showing's model cost, known when its ranking is done: set on the queued row, or updated once written. */
export function queueShowingCost(id: string, costUsd: number): void {
  const pending = queue.showings.get(id);
  if (pending) pending.costUsd = costUsd;
  else queue.costs.set(id, costUsd);
  schedule();
}

export function queueInteractions(rows: readonly NewInteraction[]): void {
  queue.interactions.push(...rows);
  schedule();
}

async function write(batch: { showings: NewShowing[]; costs: [string, number][]; interactions: NewInteraction[] }): Promise<void> {
  const db = await getDb();
  // Showings first: interactions reference them.
  if (batch.showings.length > 0) await db.insert(showings).values(batch.showings).onConflictDoNothing();
  if (batch.costs.length > 0) {
    const values = sql.join(
      batch.costs.map(([id, cost]) => sql`(${id}::uuid, ${cost}::double precision)`),
      sql`, `,
    );
    await db.execute(sql`update ${showings} set cost_usd = v.cost from (values ${values}) as v(id, cost) where ${showings.id} = v.id`);
  }
  for (let from = 0; from < batch.interactions.length; from += STATEMENT_ROWS) {
    if (from > 0) await nextTurn();
    const values = sql.join(
      batch.interactions.slice(from, from + STATEMENT_ROWS).map(
        (row) =>
          sql`(${row.browserId}::uuid, ${row.id}, ${row.rankingId}::uuid, ${row.type}, ${row.productId}, ${row.position}::int, ${row.source}, ${row.revenueCents ?? 0}::int, ${row.orderId ?? null}::uuid, ${(row.createdAt ?? new Date()).toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    // A retried beacon (same browser, same event id) is one row; a row whose showing is gone meanwhile (the
    // browser said "forget me") is not written.
    await db.execute(sql`insert into ${interactions} (browser_id, id, ranking_id, type, product_id, position, source, revenue_cents, order_id, created_at)
      select v.* from (values ${values}) as v(browser_id, id, ranking_id, type, product_id, position, source, revenue_cents, order_id, created_at)
      where exists (select 1 from ${showings} where ${showings.id} = v.ranking_id)
      on conflict do nothing`);
  }
}

/** Writes everything queued so far (and waits for a write under way): what the reports and the tests read after. */
export function flushAttribution(): Promise<void> {
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = undefined;
  const batch = { showings: [...queue.showings.values()], costs: [...queue.costs.entries()], interactions: queue.interactions };
  queue.showings = new Map();
  queue.costs = new Map();
  queue.interactions = [];
  const empty = batch.showings.length + batch.costs.length + batch.interactions.length === 0;
  queue.writing = queue.writing.then(async () => {
    if (empty) return;
    try {
      await write(batch);
    } catch (error) {
      if (isDatabaseUnavailable(error)) requeue(batch, error);
      else console.error(JSON.stringify({ scope: "attribution", event: "write-refused", rows: batch.showings.length + batch.costs.length + batch.interactions.length, error: String(error) }));
    }
  });
  return queue.writing;
}

/** A batch the database could not take (it is away) goes back to the front of the queue for the next flush, within bounds. */
function requeue(batch: { showings: NewShowing[]; costs: [string, number][]; interactions: NewInteraction[] }, error: unknown): void {
  for (const row of batch.showings) if (!queue.showings.has(row.id)) queue.showings.set(row.id, row);
  for (const [id, cost] of batch.costs) if (!queue.costs.has(id)) queue.costs.set(id, cost);
  queue.interactions = [...batch.interactions, ...queue.interactions];
  const over = queuedRows() - MAX_QUEUED;
  if (over > 0) queue.interactions.splice(0, Math.min(over, queue.interactions.length));
  console.error(JSON.stringify({ scope: "attribution", event: "write-failed", queued: queuedRows(), dropped: Math.max(0, over), error: String(error) }));
  queue.timer ??= setTimeout(() => void flushAttribution(), 1_000);
}
