// A shopper's misspelt word ("hedphones", "expresso", "sunscren") read as the catalog word it was meant to
// be: the nearest catalog word, one typing slip away (two for long words), when the word itself is none.
// A slip is a letter left out, doubled or swapped with its neighbour, or a key next to the right one; any
// other letter for a letter counts as two slips, so a real word ("boots") is not taken for another ("books").

const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** Whether two letters sit next to each other on a QWERTY keyboard (same row or the rows above and below). */
function neighbours(a: string, b: string): boolean {
  const at = (letter: string) => {
    const row = ROWS.findIndex((keys) => keys.includes(letter));
    return row < 0 ? undefined : { row, column: (ROWS[row] as string).indexOf(letter) + row * 0.5 };
  };
  const left = at(a);
  const right = at(b);
  return left !== undefined && right !== undefined && Math.abs(left.row - right.row) <= 1 && Math.abs(left.column - right.column) <= 1;
}

/** Optimal string alignment distance in typing slips (see above), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1] as string;
      const y = b[j - 1] as string;
      const cost = x === y ? 0 : neighbours(x, y) ? 1 : 2;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] as number) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

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
