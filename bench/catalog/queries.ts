import { readFileSync } from "node:fs";

/** The search set's 72 queries (eval/sets/search.jsonl): the catalog section's fixed mix, plurals, typos and long ones among them. */
export function searchSetQueries(): string[] {
  return readFileSync("eval/sets/search.jsonl", "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { candidates: { q: string } }).candidates.q);
}
