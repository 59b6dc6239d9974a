import { retrieveCandidates } from "@/lib/catalog/retrieval/retrieve";
import { closeDb, getDb } from "@/lib/db/client";
import { listShoppers } from "@/lib/shoppers/shoppers";
import { NO_SIGNALS } from "@/lib/shoppers/types";
import { searchSetQueries } from "./queries.ts";

// Run by the catalog section in a process of its own, on the database its environment names
// (`node --import ./eval/register.ts bench/catalog/time-retrieval.ts RUNS`): times the store's own retrieval
// (lib/catalog/retrieval, as a page calls it) over a fixed mix of searches — the search set's 72, plurals,
// typos and long queries among them — and each demo shopper's personal shortlist. Prints one JSON line.

const runs = Number(process.argv[2] ?? 5);
const queries = searchSetQueries();

await getDb();
const shoppers = await listShoppers();
const shopper = shoppers[0];
if (!shopper) throw new Error("no demo shopper");

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

// One untimed pass: the database's caches and the planner's statistics as a running store has them.
for (const q of queries) await retrieveCandidates({ q, shopper, signals: NO_SIGNALS, limit: 100 });
const searches: number[] = [];
const shortlists: number[] = [];
let matchedNothing = 0;
for (let run = 0; run < runs; run++) {
  for (const q of queries) {
    let found = 0;
    searches.push(
      await time(async () => {
        found = (await retrieveCandidates({ q, shopper, signals: NO_SIGNALS, limit: 100 })).matches;
      }),
    );
    if (run === 0 && found === 0) matchedNothing++;
  }
  for (const each of shoppers) shortlists.push(await time(() => retrieveCandidates({ shopper: each, signals: NO_SIGNALS, limit: 100 })));
}
await closeDb();
console.log(JSON.stringify({ queries: queries.length, matchedNothing, searches, shortlists }));
