import type { SourceRows } from "./types";

// JSON Lines (DESIGN §4): one product a line. A blank line is skipped; a line that is not JSON is refused with
// its number, the rest of the file is still read (to report every bad line at once).

export function readJsonLines(text: string): SourceRows {
  const result: SourceRows = { rows: [], refused: [] };
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    try {
      result.rows.push({ line: index + 1, value: JSON.parse(line) as unknown });
    } catch (error) {
      result.refused.push({ line: index + 1, problem: `not JSON (${error instanceof SyntaxError ? error.message : String(error)})` });
    }
  });
  return result;
}
