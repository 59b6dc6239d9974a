import { z } from "zod";

/** One element of the model's `products` array, exactly as docs/architecture.md §2 asks for it. */
export const modelElementSchema = z.strictObject({
  id: z.string().min(1),
  reason: z.string().trim().min(1, "the reason is empty").max(280, "the reason is over 280 characters"),
});
export type ModelElement = z.infer<typeof modelElementSchema>;

export const RESPONSE_SCHEMA_NAME = "product_ranking";

/** The JSON schema the model must follow; the enum lets a server with constrained decoding rule out unknown ids. */
export function rankingResponseSchema(candidateIds: readonly string[]): Record<string, unknown> {
  return {
    type: "object",
    additionalProperties: false,
    required: ["products"],
    properties: {
      products: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "reason"],
          properties: {
            id: { type: "string", enum: [...candidateIds] },
            reason: { type: "string" },
          },
        },
      },
    },
  };
}
