import { z } from "zod";

export const categorySlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a category slug is lowercase words joined by hyphens");

export const categorySchema = z.object({
  slug: categorySlugSchema,
  name: z.string().min(1),
  /** One line shown under the category heading. */
  blurb: z.string().min(1),
});
export type Category = z.infer<typeof categorySchema>;

export const productSchema = z.object({
  id: z.string().regex(/^[0-9]+$/),
  name: z.string().min(1),
  brand: z.string().min(1),
  category: categorySlugSchema,
  /** What kind of thing it is, in a word or two ("laptop", "running shoes"); the simulated ranker groups by it. */
  kind: z.string().min(1),
  /** US dollars. */
  price: z.number().positive(),
  /** Average star rating, 1–5; 0 for a product nobody has rated yet (an imported one without ratings). */
  rating: z.union([z.literal(0), z.number().min(1).max(5)]),
  /** Number of ratings: with `rating`, the baseline order's popularity. */
  reviewCount: z.number().int().nonnegative(),
  description: z.string().min(1),
  tags: z.array(z.string().min(1)),
  /** A path under public/, or an https URL on a host of AISLE_IMAGE_HOSTS (served through next/image). */
  image: z.string().regex(/^(?:\/(?!\/)|https:\/\/)/),
});
export type Product = z.infer<typeof productSchema>;
