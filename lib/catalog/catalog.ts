import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { categories, products } from "@/lib/db/schema";
import { productColumns, toProduct } from "./product-rows";
import { categorySlugSchema, productSchema, type Category, type Product } from "./types";

// The one door to catalog data: pages, the API and the ranker call these, never the tables. What a page
// ranks (search, shortlists) comes through the other door, retrieval/retrieve.ts.

export async function listCategories(): Promise<readonly Category[]> {
  const db = await getDb();
  return db.select({ slug: categories.slug, name: categories.name, blurb: categories.blurb }).from(categories).orderBy(asc(categories.position));
}

// An id or slug that cannot exist is answered without a query: the database must never see what a client
// typed unchecked (PostgreSQL refuses a NUL byte with an error, not with "no such row").
const isProductId = (id: string) => productSchema.shape.id.safeParse(id).success;

export async function getCategory(slug: string): Promise<Category | undefined> {
  if (!categorySlugSchema.safeParse(slug).success) return undefined;
  const db = await getDb();
  const [row] = await db.select({ slug: categories.slug, name: categories.name, blurb: categories.blurb }).from(categories).where(eq(categories.slug, slug));
  return row;
}

export async function getProduct(id: string): Promise<Product | undefined> {
  if (!isProductId(id)) return undefined;
  const db = await getDb();
  const [row] = await db.select(productColumns).from(products).where(eq(products.id, id));
  return row && toProduct(row);
}

/** The products with these ids that exist, in the order asked. */
export async function getProducts(ids: readonly string[]): Promise<Product[]> {
  const valid = ids.filter(isProductId);
  if (valid.length === 0) return [];
  const db = await getDb();
  const rows = await db.select(productColumns).from(products).where(inArray(products.id, valid));
  const byId = new Map(rows.map((row) => [row.id, toProduct(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
