// What a format's reader hands on: the rows it found, each with the file line it starts on, and the lines it
// could not read as a row at all. Every row then goes through the one row schema (rows.ts).

export interface SourceRow {
  /** The file line the row starts on, from 1. */
  line: number;
  /** The row in the JSON Lines shape (DESIGN §4), not yet checked. */
  value: unknown;
  /** A name for the row's category, when the file has one ("Shirts & Tops"); else one is made from the slug. */
  categoryName?: string;
}

export interface Refusal {
  line: number;
  /** `field: what is wrong`, or what is wrong with the line as a whole. */
  problem: string;
}

export interface SourceRows {
  rows: SourceRow[];
  refused: Refusal[];
  /** How a field is named in this format's own words, for messages ("price" is a CSV's "Variant Price"). */
  label?: (field: string) => string;
}

export const describeRefusal = (refusal: Refusal) => `line ${refusal.line}: ${refusal.problem}`;
