import type { ProductRow } from "@/lib/catalog/product-rows";
import { z } from "zod";
import { categorySlugSchema, productSchema } from "@/lib/catalog/types";
import { imageChecker, type ImageRules } from "./images";
import { priceToCents, shown } from "./price";

// One imported product, as a JSON Lines row says it (DESIGN §4) and as the products table takes it. Every
// row of every format passes this schema; what it refuses is said per field, in words a person fixing the
// file can act on.

export const ROW_FIELDS = ["id", "name", "brand", "category", "kind", "price", "rating", "reviewCount", "description", "tags", "image"] as const;

/** A product as the products table takes it (search_vector and popularity are the database's own); rating 0: not yet rated. */
export type ProductRecord = ProductRow;

const MAX_INT = 2_147_483_647;
// C0 controls other than whitespace, and DEL: PostgreSQL refuses a NUL in text, and none belongs in a name.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Half a UTF-16 pair ("\ud800" in JSON): no character at all, and jsonb refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const clean = (value: string) => !CONTROL.test(value) && !LONE_SURROGATE.test(value);

const required = (expected: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "required" : `must be ${expected}, got ${shown(issue.input)}`);

/** Text on one line: whitespace runs become one space. */
function text(max: number) {
  return z
    .string({ error: required("text") })
    .refine(clean, "holds a control character or a broken one")
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .refine((value) => value !== "", "must not be empty")
    .refine((value) => value.length <= max, { error: (issue) => `must be at most ${max} characters, got ${String(issue.input).length}` });
}

const idSchema = z
  .union([z.string(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String)], { error: required("digits written as text, like \"1042\"") })
  .refine((id) => productSchema.shape.id.safeParse(id).success, { error: (issue) => `must be digits only (Aisle's product ids, like "1042"), got ${shown(issue.input)}` })
  .refine((id) => id.length <= 20, "must be at most 20 digits");

const priceSchema = z.unknown().transform((value, ctx) => {
  if (value === undefined || value === null || value === "") {
    ctx.addIssue({ code: "custom", message: "required" });
    return z.NEVER;
  }
  const price = priceToCents(value);
  if (!price.ok) {
    ctx.addIssue({ code: "custom", message: price.message });
    return z.NEVER;
  }
  return price.cents;
});

const tagsSchema = z
  .array(text(60), { error: (issue) => `must be a list of words, got ${shown(issue.input)}` })
  .max(50, "must be at most 50 tags")
  // Duplicates say nothing twice; the first spelling of a tag is kept.
  .transform((tags) => tags.filter((tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index));

/** The row schema; images are checked against the store's public/ and AISLE_IMAGE_HOSTS. */
export function rowSchema(images: ImageRules) {
  const checkImage = imageChecker(images);
  return z
    .strictObject(
      {
        id: idSchema,
        name: text(200),
        brand: text(100),
        category: z
          .string({ error: required("a category slug") })
          .max(60, "must be at most 60 characters")
          .pipe(z.string().refine((slug) => categorySlugSchema.safeParse(slug).success, { error: (issue) => `must be a slug, lowercase words joined by hyphens like "home-kitchen", got ${shown(issue.input)}` })),
        kind: text(60),
        price: priceSchema,
        rating: z.number({ error: required("a number from 1 to 5") }).min(1, "must be from 1 to 5").max(5, "must be from 1 to 5").optional(),
        reviewCount: z.number({ error: required("a whole number") }).int("must be a whole number").min(0, "must not be negative").max(MAX_INT, "is too large").optional(),
        description: text(5000),
        tags: tagsSchema.optional(),
        image: z
          .string({ error: required("a path under public/ or an https URL") })
          .refine(clean, "holds a control character or a broken one")
          .optional()
          .transform((value, ctx) => {
            const checked = checkImage(value);
            if (checked.ok) return checked.image;
            ctx.addIssue({ code: "custom", message: checked.message });
            return z.NEVER;
          }),
      },
      { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field (the fields are ${ROW_FIELDS.join(", ")})` : "a product must be a JSON object") },
    )
    .superRefine((row, ctx) => {
      // Reviews without a rating would show "rated 0 by 120 shoppers".
      if (row.rating === undefined && (row.reviewCount ?? 0) > 0) ctx.addIssue({ code: "custom", path: ["rating"], message: `required when reviewCount is above 0 (got reviewCount ${row.reviewCount})` });
    })
    .transform(
      (row): ProductRecord => ({
        id: row.id,
        name: row.name,
        brand: row.brand,
        category: row.category,
        kind: row.kind,
        priceCents: row.price,
        rating: row.rating ?? 0,
        reviewCount: row.reviewCount ?? 0,
        description: row.description,
        tags: row.tags ?? [],
        image: row.image,
      }),
    );
}

/** A row's problems on one line: `price: must be a positive number, got "abc"; rating: must be from 1 to 5`. */
export function describeIssues(error: z.ZodError, label: (field: string) => string = (field) => field): string {
  const parts = error.issues.flatMap((issue) => {
    const fields = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.map(String).join(".")];
    return fields.map((field) => (field ? `${label(field)}: ${issue.message}` : issue.message));
  });
  return [...new Set(parts)].join("; ");
}
