import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { searchSynonyms, searchWords } from "@/lib/db/schema";
import { synonymFileSchema, type SynonymFile } from "./synonym-file";
import { wordsOf } from "./words";

// What the search reads a query against, kept beside the products: the catalog's own words (rebuilt from the
// products after a seed or an import, in one statement) and the synonyms (data the catalog owns).

/**
 * Every word of the products as typed (PostgreSQL's "simple" parser: lowercase, not stemmed), its English
 * stem and how many products hold it, anywhere and in their title. Words the English configuration drops
 * (stop words) are left out.
 */
export async function rebuildSearchWords(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(searchWords);
    await tx.execute(sql`
      insert into search_words (word, lexeme, docs, title_docs)
      select words.word, lexeme, words.ndoc, coalesce(titles.ndoc, 0) from (
        select word, ndoc, coalesce(
          -- A compound's own stem ("over-ear"), as the search asks for it (words.ts), else the word's.
          (select stem from unnest(tsvector_to_array(to_tsvector('english', word))) as stem where stem like '%-%' limit 1),
          (tsvector_to_array(to_tsvector('english', word)))[1]) as lexeme
        from ts_stat($$select to_tsvector('simple', name || ' ' || brand || ' ' || kind || ' ' || translate(tags::text, '[]",', '    ') || ' ' || description) from products$$)
        where length(word) > 1 and word !~ '^[0-9.]+$') as words
      left join ts_stat($$select to_tsvector('simple', name || ' ' || brand || ' ' || kind) from products$$) as titles on titles.word = words.word
      where lexeme is not null`);
  });
  // The planner's statistics, after the products changed: the search's plans and breadth estimates use them.
  await db.execute(sql`analyze products`);
  await db.execute(sql`analyze search_words`);
}

/** Lowercase words separated by single spaces, as the search reads a phrase (read-query.ts). */
function normalizePhrase(phrase: string): string {
  return wordsOf(phrase).join(" ");
}

/** Replaces the synonyms with the file's; returns how many groups it holds. */
export async function replaceSynonyms(db: Db, file: SynonymFile): Promise<number> {
  const parsed = synonymFileSchema.parse(file);
  const rows = parsed.synonyms.flatMap((entry, groupId) => {
    const phrases = new Map<string, boolean>();
    // A one-way entry: the root expands to its synonyms, which do not expand back.
    if ("root" in entry && entry.root !== undefined) phrases.set(normalizePhrase(entry.root), true);
    for (const phrase of entry.synonyms) {
      const normalized = normalizePhrase(phrase);
      if (!phrases.has(normalized)) phrases.set(normalized, !("root" in entry && entry.root !== undefined));
    }
    return [...phrases].filter(([phrase]) => phrase !== "").map(([phrase, expands]) => ({ groupId, phrase, expands }));
  });
  await db.transaction(async (tx) => {
    await tx.delete(searchSynonyms);
    if (rows.length > 0) await tx.insert(searchSynonyms).values(rows);
  });
  return parsed.synonyms.length;
}
