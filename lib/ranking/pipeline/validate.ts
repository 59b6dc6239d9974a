import { modelElementSchema, type ModelElement } from "./contract";

export type ElementVerdict = { ok: true; element: ModelElement } | { ok: false; reason: string };

/**
 * Checks model elements against the schema and the candidates, remembering what was already placed,
 * so an unknown id, a repeat or a malformed element is refused rather than shown.
 */
export function createElementValidator(candidateIds: Iterable<string>) {
  const candidates = new Set(candidateIds);
  const placed = new Set<string>();
  return {
    check(value: unknown): ElementVerdict {
      const parsed = modelElementSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        return { ok: false, reason: `schema: ${where}${issue?.message ?? "invalid"}` };
      }
      const { id } = parsed.data;
      if (!candidates.has(id)) return { ok: false, reason: `unknown id ${JSON.stringify(id)}` };
      if (placed.has(id)) return { ok: false, reason: `repeated id ${JSON.stringify(id)}` };
      placed.add(id);
      return { ok: true, element: parsed.data };
    },
    isPlaced(id: string): boolean {
      return placed.has(id);
    },
  };
}
