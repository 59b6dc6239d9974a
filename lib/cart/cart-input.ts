import { z } from "zod";
import { MAX_QUANTITY } from "@/lib/db/schema";
import { cardOrigin } from "@/lib/insights/record/event-input";

// What the cart's server actions accept: checked here, because anyone can post anything to an action.

const productId = z.string({ error: "Which product?" }).regex(/^[0-9]{1,12}$/, "That is not a product id.");
const quantity = z
  .number({ error: "The quantity must be a number." })
  .int("The quantity must be a whole number.")
  .min(1, "The quantity must be at least 1.")
  .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one product fit in a cart.`);

const NOT_AN_OBJECT = { error: "That request is not valid." };

/** `from`: the card it was added from, when it was (attribution). */
export const addToCartInput = z.object({ productId, quantity: quantity.default(1), from: cardOrigin.optional() }, NOT_AN_OBJECT);
export const setQuantityInput = z.object({ productId, quantity }, NOT_AN_OBJECT);
export const removeFromCartInput = z.object({ productId }, NOT_AN_OBJECT);

/** The first problem, as a sentence for the shopper. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? "That request is not valid.";
}
