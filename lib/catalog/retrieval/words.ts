// Words as the search reads them, alike in what shoppers type, in synonyms and in shortlists: lowercase runs
// of letters and digits, a hyphenated compound kept whole ("over-ear", "sci-fi": PostgreSQL's parser keeps
// them whole too, beside their parts), one letter alone dropped.

export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter((word) => word.length > 1);
}

/**
 * The stem a word is searched by: for a compound, the compound's own ("over-ear", not its parts "over" and
 * "ear" — "on-ear" holds an "ear" too); else its stems (one for a plain word).
 */
export function searchStems(stems: readonly string[]): string[] {
  const compound = stems.filter((stem) => stem.includes("-"));
  return compound.length > 0 ? compound.slice(0, 1) : [...stems];
}
