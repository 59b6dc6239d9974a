import settings from "@/lib/catalog/data/search-settings.json" with { type: "json" };
import { wordsOf } from "./words";

// A search as typed, read into the words that can say something about a product — as websearch_to_tsquery
// reads it: words, "quoted phrases", -excluded words; anything else (%, _, quotes, operators) is text, never
// syntax. Stop words PostgreSQL drops itself; the store's own filler ("best", "latest") and years are dropped
// here (lib/catalog/data/search-settings.json).

/** A word or a quoted phrase the shopper typed, lowercase; a phrase's words must be found in order. */
export interface QueryTerm {
  words: string[];
  /** Typed in quotes: found as typed, never corrected nor widened by synonyms. */
  quoted: boolean;
}

export interface ReadQuery {
  /** In the order typed. */
  terms: QueryTerm[];
  /** Words typed as -word: a product holding one is left out. */
  excluded: string[];
  /** Words typed that were dropped as filler or years (shown nowhere; the reading says what counted). */
  ignored: string[];
}

const IGNORED_WORDS = new Set(settings.ignoredWords);
const IGNORED_PATTERNS = settings.ignoredPatterns.map((pattern) => new RegExp(pattern));
const isIgnored = (word: string) => IGNORED_WORDS.has(word) || IGNORED_PATTERNS.some((pattern) => pattern.test(word));

/** Reads a search into terms: quoted phrases whole, other words one by one, filler and years left out. */
export function readQuery(q: string): ReadQuery {
  const terms: QueryTerm[] = [];
  const excluded: string[] = [];
  const ignored: string[] = [];
  // A quoted phrase, a -word, or a run of anything else; an unclosed quote quotes the rest.
  for (const [, phrase, negated, plain] of q.matchAll(/"([^"]*)"?|(?<=^|\s)-([^\s"]+)|([^"\s]+)/g)) {
    if (phrase !== undefined) {
      const words = wordsOf(phrase);
      if (words.length > 0) terms.push({ words, quoted: true });
    } else if (negated !== undefined) {
      excluded.push(...wordsOf(negated));
    } else if (plain !== undefined) {
      for (const word of wordsOf(plain)) {
        if (isIgnored(word)) ignored.push(word);
        else terms.push({ words: [word], quoted: false });
      }
    }
  }
  return { terms, excluded, ignored };
}

/**
 * The runs of one to `longest` consecutive unquoted words, longest first: where a synonym of more than one
 * word ("coffee maker", "cast iron pan") may start and end.
 */
export function phrasesOf(terms: readonly QueryTerm[], longest = 3): { start: number; length: number; phrase: string }[] {
  const runs: { start: number; length: number; phrase: string }[] = [];
  for (let length = Math.min(longest, terms.length); length >= 1; length--) {
    for (let start = 0; start + length <= terms.length; start++) {
      const run = terms.slice(start, start + length);
      if (run.some((term) => term.quoted)) continue;
      runs.push({ start, length, phrase: run.map((term) => term.words.join(" ")).join(" ") });
    }
  }
  return runs;
}
