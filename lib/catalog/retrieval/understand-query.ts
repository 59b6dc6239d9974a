import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rowsOf, textArray } from "@/lib/db/rows";
import { phrasesOf, readQuery, type QueryTerm } from "./read-query";
import { correctTypo } from "./typos";
import { searchStems } from "./words";

// A search read against the catalog's own words (docs/architecture.md §16): each thing asked for becomes the
// ways the catalog may say it — its English stems, its synonyms (search_synonyms), or, when the catalog has
// no such word, the catalog word it was most likely meant to be (search_words). Three small queries, whatever
// the catalog's size: synonyms, stems, and the corrections of the words the catalog lacks.

/** One thing the shopper asked for, and every way the catalog may say it. */
export interface SoughtTerm {
  /** As typed ("hedphones", "coffee maker"). */
  typed: string;
  /** As read: the correction when one was made ("headphones"), else as typed. */
  read: string;
  /** Each way to find it, any one will do: the stems of a word or of a phrase's words. */
  alternatives: string[][];
  /** The same ways in words ("earphones", "earbuds", "in ear headphones"). */
  phrases: string[];
  /** Typed in quotes: a phrase's stems must stand in order. */
  quoted: boolean;
  /** About how many products hold it (from search_words): how broad it is, for the search's plan. */
  docs: number;
  /** About how many hold it in their title (name, brand, kind). */
  titleDocs: number;
  /** At least this many products hold it: the most of those holding any one of its single-word alternatives. */
  surelyDocs: number;
}

export interface QueryReading {
  sought: SoughtTerm[];
  /** Stems of the words typed as -word. */
  excluded: string[];
  /** The search as read, when a word was corrected ("hedphones" → "headphones"); else undefined. */
  corrected: string | undefined;
  /** Every word the search was read as, corrections and synonyms included: what a ranker matches products to. */
  terms: string;
  /** About how many products the catalog holds (the planner's count, kept by ANALYZE after every import). */
  catalogSize: number;
}

/**
 * How broad each term is: products holding its stems, summed over its alternatives (about), and the most of
 * those holding one single-word alternative (at least); and the catalog's size.
 */
async function breadthOf(db: Db, sought: readonly Breadthless[]): Promise<{ docs: number[]; titleDocs: number[]; surelyDocs: number[]; catalogSize: number }> {
  const stems = [...new Set(sought.flatMap((term) => term.alternatives.flat()))];
  const rows = await rowsOf<{ lexeme: string | null; docs: number; titleDocs: number }>(
    db,
    sql`select lexeme, max(docs)::int as docs, max(title_docs)::int as "titleDocs" from search_words where lexeme = any(${textArray(stems)}::text[]) group by lexeme
      union all select null, greatest(reltuples, 0)::int, 0 from pg_class where oid = 'products'::regclass`,
  );
  const byStem = new Map(rows.filter((row) => row.lexeme !== null).map((row) => [row.lexeme as string, row.docs]));
  const inTitles = new Map(rows.filter((row) => row.lexeme !== null).map((row) => [row.lexeme as string, row.titleDocs]));
  const catalogSize = rows.find((row) => row.lexeme === null)?.docs ?? 0;
  const sum = (counts: Map<string, number>) => (term: Breadthless) =>
    term.alternatives.reduce((total, alternative) => total + Math.min(...alternative.map((stem) => counts.get(stem) ?? 0)), 0);
  const docs = sought.map(sum(byStem));
  const titleDocs = sought.map(sum(inTitles));
  const surelyDocs = sought.map((term) => Math.max(0, ...term.alternatives.filter((alternative) => alternative.length === 1).map(([stem]) => byStem.get(stem as string) ?? 0)));
  return { docs, titleDocs, surelyDocs, catalogSize };
}

type Breadthless = Omit<SoughtTerm, "docs" | "titleDocs" | "surelyDocs">;

interface StemRow extends Record<string, unknown> {
  word: string;
  stems: string[];
  /** Some product holds one of its stems. */
  known: boolean;
  /** Some product holds the word as typed. */
  typedAsIs: boolean;
}

/** Synonyms of the phrases that expand: phrase asked → every phrase of its groups (itself included). */
async function synonymsOf(db: Db, phrases: readonly string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  if (phrases.length === 0) return found;
  const rows = await rowsOf<{ asked: string; phrase: string }>(db, sql`
    select asked.phrase as asked, other.phrase
    from search_synonyms asked join search_synonyms other on other.group_id = asked.group_id
    where asked.expands and asked.phrase = any(${textArray(phrases)}::text[])`);
  for (const { asked, phrase } of rows) {
    const group = found.get(asked) ?? new Set([asked]);
    group.add(phrase);
    found.set(asked, group);
  }
  return found;
}

/** Each word's English stems, and whether the catalog holds any of them. */
async function stemsOf(db: Db, words: readonly string[]): Promise<Map<string, StemRow>> {
  if (words.length === 0) return new Map();
  const rows = await rowsOf<StemRow>(db, sql`
    select word, stems,
      exists (select 1 from search_words known where known.lexeme = any(stems)) as known,
      exists (select 1 from search_words typed_as_is where typed_as_is.word = typed.word) as "typedAsIs"
    from (select word, tsvector_to_array(to_tsvector('english', word)) as stems from unnest(${textArray(words)}::text[]) as word) as typed`);
  return new Map(rows.map((row) => [row.word, row]));
}

/** The search as read: each term with its synonyms and stems, misspelt words corrected towards the catalog's. */
export async function understandQuery(db: Db, q: string): Promise<QueryReading> {
  const { terms, excluded } = readQuery(q);
  const runs = phrasesOf(terms);
  const synonyms = await synonymsOf(db, [...new Set(runs.map((run) => run.phrase))]);

  // Longest synonym phrases first ("cast iron pan" before "pan"); each term is read once.
  const covered: (Set<string> | undefined)[] = new Array(terms.length);
  const starts = new Map<number, { length: number; phrase: string }>();
  for (const run of runs) {
    const group = synonyms.get(run.phrase);
    if (!group || covered.slice(run.start, run.start + run.length).some(Boolean)) continue;
    for (let i = run.start; i < run.start + run.length; i++) covered[i] = group;
    starts.set(run.start, run);
  }

  const phraseWords = (phrase: string) => phrase.split(" ");
  const allWords = new Set<string>(excluded);
  terms.forEach((term) => term.words.forEach((word) => allWords.add(word)));
  for (const group of new Set(covered)) for (const phrase of group ?? []) phraseWords(phrase).forEach((word) => allWords.add(word));
  const stems = await stemsOf(db, [...allWords]);
  const stemsOfPhrase = (words: readonly string[]) => words.flatMap((word) => searchStems(stems.get(word)?.stems ?? []));

  const sought: Breadthless[] = [];
  const corrections = new Map<string, string>();
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as QueryTerm;
    const run = starts.get(i);
    const group = covered[i];
    if (group && run) {
      const phrases = [...group].filter((phrase) => stemsOfPhrase(phraseWords(phrase)).length > 0);
      const alternatives = phrases.map((phrase) => stemsOfPhrase(phraseWords(phrase)));
      if (alternatives.length > 0) sought.push({ typed: run.phrase, read: run.phrase, alternatives, phrases, quoted: false });
      continue;
    }
    if (group) continue; // inside a synonym phrase read above
    const typed = term.words.join(" ");
    const own = stemsOfPhrase(term.words);
    if (own.length === 0) continue; // stop words only ("for the")
    const word = term.words[0] as string;
    const known = term.words.some((each) => stems.get(each)?.known);
    if (term.quoted || known) {
      const alternatives = [own];
      const phrases = [typed];
      // Held only through its stem ("matt" through "matte"): the word it may have been meant for counts too ("mat").
      if (!term.quoted && term.words.length === 1 && !stems.get(word)?.typedAsIs) {
        const near = await correctTypo(db, word);
        if (near && !own.includes(near.lexeme)) {
          alternatives.push([near.lexeme]);
          phrases.push(near.word);
        }
      }
      sought.push({ typed, read: typed, alternatives, phrases, quoted: term.quoted });
      continue;
    }
    const correction = await correctTypo(db, word);
    if (correction) {
      corrections.set(word, correction.word);
      sought.push({ typed, read: correction.word, alternatives: [[correction.lexeme]], phrases: [correction.word], quoted: false });
    } else {
      // No product holds it, nor anything near it: it is kept, and matches nothing; the other words decide.
      sought.push({ typed, read: typed, alternatives: [own], phrases: [typed], quoted: false });
    }
  }

  const corrected = corrections.size === 0 ? undefined : q.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word.toLowerCase()) ?? word).trim();
  const read = [...new Set(sought.flatMap((term) => [term.read, ...term.phrases]))].join(" ");
  const breadth = sought.length > 0 ? await breadthOf(db, sought) : { docs: [], titleDocs: [], surelyDocs: [], catalogSize: 0 };
  return {
    sought: sought.map((term, i) => ({ ...term, docs: breadth.docs[i] ?? 0, titleDocs: breadth.titleDocs[i] ?? 0, surelyDocs: breadth.surelyDocs[i] ?? 0 })),
    excluded: [...new Set(excluded.flatMap((word) => searchStems(stems.get(word)?.stems ?? [])))],
    corrected,
    terms: read,
    catalogSize: breadth.catalogSize,
  };
}
