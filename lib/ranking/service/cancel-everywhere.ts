import { sql } from "drizzle-orm";
import { getDb, listenTo } from "@/lib/db/client";
import { processSingleton } from "@/lib/process/process-singleton";
import { cancelRanking } from "./live-rankings";

// A page's cancel beacon may reach another server than the one streaming its ranking (several `npm start`
// behind a load balancer, one PostgreSQL): a cancel this process cannot serve is told to every process
// through PostgreSQL's NOTIFY, and each process listens for those and stops the ranking if it is its own.
// (On embedded PGlite there is one process; the notice comes back to it and finds nothing more to stop.)

const CHANNEL = "aisle_cancel_ranking";

const listening = processSingleton("cancel-listener", () => ({ started: undefined as Promise<void> | undefined }));

const RETRY_MS = 5_000;

/** Starts hearing other processes' cancels (once per process); a failure is logged and tried again later. */
export function listenForCancels(): Promise<void> {
  listening.started ??= listenTo(CHANNEL, (id) => {
    cancelRanking(id);
  }).catch((error: unknown) => {
    listening.started = undefined;
    console.error(JSON.stringify({ scope: "ranking", event: "cancel-listener-failed", error: String(error) }));
    setTimeout(() => void listenForCancels(), RETRY_MS).unref();
  });
  return listening.started;
}

/** Stops a ranking wherever it runs: here at once, elsewhere through the database. */
export async function cancelEverywhere(id: string): Promise<void> {
  if (cancelRanking(id)) return;
  const db = await getDb();
  await db.execute(sql`select pg_notify(${CHANNEL}, ${id})`);
}
