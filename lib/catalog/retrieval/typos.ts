import { sql } from "drizzle-orm";
import settings from "@/lib/catalog/data/search-settings.json" with { type: "json" };
import type { Db } from "@/lib/db/client";
import { rowsOf, textArray } from "@/lib/db/rows";
import { editDistance } from "@/lib/text/typing-slips";

// A word no product holds, read as the catalog word it was most likely meant to be: the nearest in typing
// slips, within the typos allowed for its length (search-settings.json: none below 4 letters, one from 4, two
// from 8, as Typesense and Algolia count them), the most common among equals. Candidates come from the
// catalog's vocabulary by trigram similarity (pg_trgm's index) and, since short words share few trigrams
// ("tnet" and "tent" share one), by every word one slip away, looked up exactly. In a short word a letter for
// one not next to it on the keyboard is no typo ("boots" is not "books"); from six letters it is ("labtop").

const { oneTypoFrom, twoTyposFrom } = settings.typos;
/** From this length, any letter for a letter is one typo; below it only a key's neighbour is. */
const ANY_KEY_FROM = 6;
const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** How many typos a word of this length may hold. */
export function typosAllowed(word: string): number {
  if (word.length < oneTypoFrom) return 0;
  return word.length >= twoTyposFrom ? 2 : 1;
}

/** Every string one edit away: a letter left out, swapped with the next, changed or added (Norvig's edits1). */
export function oneEditAway(word: string): string[] {
  const edits = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [left, right] = [word.slice(0, i), word.slice(i)];
    if (right) edits.add(left + right.slice(1));
    if (right.length > 1) edits.add(left + right[1] + right[0] + right.slice(2));
    for (const letter of LETTERS) {
      if (right) edits.add(left + letter + right.slice(1));
      edits.add(left + letter + right);
    }
  }
  edits.delete(word);
  return [...edits];
}

export interface Correction {
  word: string;
  lexeme: string;
}

interface Candidate extends Record<string, unknown> {
  word: string;
  lexeme: string;
  docs: number;
}

/** The catalog word `word` was meant to be, or undefined when none is near enough. */
export async function correctTypo(db: Db, word: string): Promise<Correction | undefined> {
  const allowed = typosAllowed(word);
  if (allowed === 0) return undefined;
  const candidates = await rowsOf<Candidate>(
    db,
    sql`select word, lexeme, docs from search_words
        where (word % ${word} or word = any(${textArray(oneEditAway(word))}::text[])) and left(word, 1) = left(${word}, 1)
        order by similarity(word, ${word}) desc, docs desc limit 50`,
  );
  let best: (Candidate & { distance: number }) | undefined;
  for (const candidate of candidates) {
    // Same first letter (above): people seldom mistype it, and "hair" must not become "air".
    const distance = editDistance(word, candidate.word, allowed, word.length >= ANY_KEY_FROM ? 1 : 2);
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate.docs > best.docs)) best = { ...candidate, distance };
  }
  return best && { word: best.word, lexeme: best.lexeme };
}
