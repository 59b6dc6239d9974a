import { z } from "zod";

// The synonyms file (lib/catalog/data/synonyms.json, or one given to `npm run catalog -- synonyms FILE`), in
// Typesense's shape: `{"synonyms": [...]}` for words that all mean one thing, `{"root": "...", "synonyms":
// [...]}` for a word that also means the others (one way).

const phrase = z.string().trim().min(1).max(100);

export const synonymFileSchema = z.object({
  synonyms: z.array(
    z.union([
      z.strictObject({ root: phrase, synonyms: z.array(phrase).min(1) }),
      z.strictObject({ synonyms: z.array(phrase).min(2, "a group of synonyms needs two phrases at least") }),
    ]),
  ),
});
export type SynonymFile = z.input<typeof synonymFileSchema>;
