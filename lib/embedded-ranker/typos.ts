// A shopper's misspelt word ("hedphones", "expresso", "sunscren") read as the catalog word it was meant to
// be: the nearest catalog word, one typing slip away (two for long words), when the word itself is none.
// A slip is a letter left out, doubled or swapped with its neighbour, or a key next to the right one; any
// other letter for a letter counts as two slips, so a real word ("boots") is not taken for another ("books").

import { editDistance } from "@/lib/text/typing-slips";

/** How many slips a word of this length may be away from the word it was meant to be. */
function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

/**
 * The vocabulary's word this one was meant to be, or the word itself when it is in the vocabulary or
 * nothing is near enough. Only words with the same first letter: people seldom mistype it, and a word
 * the catalog lacks must not become one it has ("hair" is not "air", "dryer" not "fryer").
 * Among equally near words the most frequent wins ("matt": "mat" before "matte").
 */
export function correct(word: string, vocabulary: ReadonlyMap<string, number>): string {
  if (vocabulary.has(word)) return word;
  const max = allowedEdits(word);
  if (max === 0) return word;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary) {
    if (candidate.length < 3 || candidate[0] !== word[0]) continue;
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
  }
  return best?.word ?? word;
}
