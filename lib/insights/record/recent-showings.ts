import { LRUCache } from "lru-cache";
import { processSingleton } from "@/lib/process/process-singleton";

// The showings this process recorded lately, showing id → its browser: a beacon's "was this ranking shown to
// this browser?" is answered from memory for the rankings this process served (nearly all clicks come soon
// after), without a query on the request's path (BENCHMARKS.md §14). Another process's showing, or one
// evicted, is looked up in the database. A showing forgotten since is caught where clicks are written: a
// click whose showing is gone is never inserted (batched-writes.ts).

/** About 100 bytes an entry: 100,000 showings ≈ 10 MB. */
const REMEMBERED = 100_000;

const recent = processSingleton("recent-showings", () => new LRUCache<string, string>({ max: REMEMBERED }));

export function rememberShowing(id: string, browserId: string): void {
  recent.set(id, browserId);
}

/** The browser a showing of this process was shown to, while it is remembered. */
export function rememberedBrowser(id: string): string | undefined {
  return recent.get(id);
}

/** "Forget me": this browser's showings are no longer remembered either. */
export function forgetRememberedShowings(browserId: string): void {
  for (const [id, browser] of recent.entries()) if (browser === browserId) recent.delete(id);
}
