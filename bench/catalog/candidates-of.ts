import { retrieveCandidates } from "@/lib/catalog/retrieval/retrieve";
import { closeDb } from "@/lib/db/client";
import { getShopper } from "@/lib/shoppers/shoppers";
import { NO_SIGNALS } from "@/lib/shoppers/types";

// Run by the catalog section in a process of its own on the database its environment names: the candidates
// the store's retrieval gives each (shopper, q) of argv[2] (JSON), for a client with no history — what a
// ranking from the API must hold, each exactly once. Prints one JSON line: the id lists in the same order.

const pairs = JSON.parse(process.argv[2] ?? "[]") as { shopper: string; q?: string }[];
const lists: string[][] = [];
for (const { shopper: id, q } of pairs) {
  const shopper = await getShopper(id);
  if (!shopper) throw new Error(`no demo shopper "${id}"`);
  lists.push((await retrieveCandidates({ q, shopper, signals: NO_SIGNALS, limit: 100 })).products.map((product) => product.id));
}
await closeDb();
console.log(JSON.stringify(lists));
