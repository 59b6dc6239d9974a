import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interactions, showings } from "@/lib/db/schema";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { afterPages } from "@/lib/process/page-traffic";
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
/**
 * A batch nobody waits for gives way to the pages being served before each of its statements, this long in
 * all at most (lib/process/page-traffic.ts): on PGlite a statement runs on the page's own thread.
 */
const GIVES_WAY_AT_MOST_MS = 1_000;
/** Rows kept for a retry while the database is away; beyond it the oldest are dropped (and logged). */
const MAX_QUEUED = 50_000;

interface Queue {
  showings: Map<string, NewShowing>;
  /** Showing id → its cost, for showings already written. */
  costs: Map<string, number>;
  interactions: NewInteraction[];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Showings' writes, one after another: whether the last one was written (else its rows are queued again). */
  showingsWritten: Promise<boolean>;
  /** Clicks' and costs' writes, one after another. */
  writing: Promise<void>;
  /** Aborted when somebody waits for the writes: the writes under way stop giving way to pages. */
  givingWay: AbortController;
}

const queue = processSingleton<Queue>("attribution-writes", () => ({ showings: new Map(), costs: new Map(), interactions: [], timer: undefined, showingsWritten: Promise.resolve(true), writing: Promise.resolve(), givingWay: new AbortController() }));

function queuedRows(): number {
  return queue.showings.size + queue.costs.size + queue.interactions.length;
}

/** A flush nobody waits for: its statements give way to pages being served. */
function flushInBackground(): void {
  void flush(true);
}

function schedule(): void {
  if (queuedRows() >= BATCH_ROWS) flushInBackground();
  else queue.timer ??= setTimeout(flushInBackground, FLUSH_AFTER_MS);
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

type Batch = { showings: NewShowing[]; costs: [string, number][]; interactions: NewInteraction[] };

/**
 * The showings queued so far, written at once and never held for pages: a showing is the proof a click's
 * ranking was shown to its browser, which another process's beacon looks up in the database. Resolves once
 * they (and those before) are written: false if the database was away (the rows are queued again).
 */
function writeShowings(): Promise<boolean> {
  const rows = [...queue.showings.values()];
  queue.showings = new Map();
  if (rows.length === 0) return queue.showingsWritten;
  queue.showingsWritten = queue.showingsWritten.then(async () => {
    try {
      await (await getDb()).insert(showings).values(rows).onConflictDoNothing();
      return true;
    } catch (error) {
      refused({ showings: rows, costs: [], interactions: [] }, error);
      return false;
    }
  });
  return queue.showingsWritten;
}

/**
 * Costs, then clicks 100 to a statement. A batch nobody waits for gives way to pages being served before each
 * statement, `GIVES_WAY_AT_MOST_MS` in all at most: on PGlite a statement runs on the page's own thread.
 */
async function write(batch: Batch, hurry: AbortSignal): Promise<void> {
  const until = performance.now() + GIVES_WAY_AT_MOST_MS;
  const giveWay = () => afterPages(until - performance.now(), hurry);
  const db = await getDb();
  if (batch.costs.length > 0) {
    await giveWay();
    const values = sql.join(
      batch.costs.map(([id, cost]) => sql`(${id}::uuid, ${cost}::double precision)`),
      sql`, `,
    );
    await db.execute(sql`update ${showings} set cost_usd = v.cost from (values ${values}) as v(id, cost) where ${showings.id} = v.id`);
  }
  for (let from = 0; from < batch.interactions.length; from += STATEMENT_ROWS) {
    if (from > 0) await nextTurn();
    await giveWay();
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
  return flush(false);
}

function flush(givesWay: boolean): Promise<void> {
  // Somebody waits: a write under way (perhaps giving way to the very page that waits) goes on at once.
  if (!givesWay) {
    queue.givingWay.abort();
    queue.givingWay = new AbortController();
  }
  const hurry = givesWay ? queue.givingWay.signal : AbortSignal.abort();
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = undefined;
  void writeShowings();
  // The batch is what is queued when its turn comes: a writer held back by pages catches up in one batch.
  queue.writing = queue.writing.then(async () => {
    // The showings queued before this batch's clicks are written first: the clicks reference them.
    const showingsWritten = await writeShowings();
    const batch = { showings: [], costs: [...queue.costs.entries()], interactions: queue.interactions };
    queue.costs = new Map();
    queue.interactions = [];
    if (batch.costs.length + batch.interactions.length === 0) return;
    // Their showings are queued again (the database is away): so are they, to be written after them.
    if (!showingsWritten) return requeue(batch, new Error("the showings these rows reference were not written"));
    try {
      await write(batch, hurry);
    } catch (error) {
      refused(batch, error);
    }
  });
  return queue.writing;
}

/** A write that failed: queued again while the database is away, else said (a bug: a retry would fail the same). */
function refused(batch: Batch, error: unknown): void {
  if (isDatabaseUnavailable(error)) requeue(batch, error);
  else console.error(JSON.stringify({ scope: "attribution", event: "write-refused", rows: batch.showings.length + batch.costs.length + batch.interactions.length, error: String(error) }));
}

/** A batch the database could not take (it is away) goes back to the front of the queue for the next flush, within bounds. */
function requeue(batch: Batch, error: unknown): void {
  for (const row of batch.showings) if (!queue.showings.has(row.id)) queue.showings.set(row.id, row);
  for (const [id, cost] of batch.costs) if (!queue.costs.has(id)) queue.costs.set(id, cost);
  queue.interactions = [...batch.interactions, ...queue.interactions];
  const over = queuedRows() - MAX_QUEUED;
  if (over > 0) queue.interactions.splice(0, Math.min(over, queue.interactions.length));
  console.error(JSON.stringify({ scope: "attribution", event: "write-failed", queued: queuedRows(), dropped: Math.max(0, over), error: String(error) }));
  queue.timer ??= setTimeout(flushInBackground, 1_000);
}
