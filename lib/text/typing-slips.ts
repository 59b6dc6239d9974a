// How far a typed word is from another in typing slips: a letter left out, doubled or swapped with its
// neighbour, or a key next to the right one; any other letter for a letter counts as two slips, so a real word
// ("boots") is not taken for another ("books"). The embedded ranker's and the catalog search's typo tolerance.

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

/**
 * Optimal string alignment distance in typing slips (see above), stopping early past `max`. `otherKey` is what
 * a letter for a letter not next to it costs: 2 by default (above); 1 reads it as a plain Damerau–Levenshtein
 * edit, as search engines count typos.
 */
export function editDistance(a: string, b: string, max: number, otherKey: 1 | 2 = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1] as string;
      const y = b[j - 1] as string;
      const cost = x === y ? 0 : neighbours(x, y) ? 1 : otherKey;
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
