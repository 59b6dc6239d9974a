// Words as the embedded ranker compares them: lowercase, split on anything that is not a letter or digit,
// reduced to a light stem, so "Running Shoes", "running-shoes" and "runner" meet at "run", "cookware" and
// "cooking" at "cook…". Whole words only: "lips" never matches "Philips", nor "red" "shattered".

// Words that say nothing about what a search wants.
const STOPWORDS = new Set([
  "a", "an", "and", "the", "of", "for", "with", "to", "in", "on", "at", "by", "my", "me", "i", "our", "your", "his", "her", "their",
  "best", "latest", "new", "top", "good", "great", "nice", "some", "any", "that", "this", "who", "which", "is", "are", "it", "from",
  "idea", "ideas", "review", "reviews", "vs", "or", "like", "likes", "love", "loves", "into", "want", "need",
]);

/** Lowercase words of the text, stopwords and bare numbers left out. */
export function rawWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word));
}

const DOUBLE_END = /([bdfgklmnprt])\1$/;

/** A light stem: plurals, -ing and -er off, a final silent e off, a doubled last consonant single. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let cut = false;
  if (w.length > 5 && w.endsWith("ing")) {
    w = w.slice(0, -3);
    cut = true;
  } else if (w.length > 5 && w.endsWith("er") && !w.endsWith("eer")) {
    w = w.slice(0, -2);
    cut = true;
  }
  if (cut && DOUBLE_END.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

/** The stems of a text's words. */
export function stems(text: string): string[] {
  return rawWords(text).map(stem);
}

/**
 * Whether two stems name the same thing: equal, or one a prefix of the other of four letters at least, with at
 * most four letters more ("cook" and "cookware"; "lip" and "lips" are equal already). Shorter prefixes match too
 * much ("red" and "reduce"), and so do longer endings: "waterproof" is no "water" bottle.
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 4 && long.startsWith(short);
}
