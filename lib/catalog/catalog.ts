import { and, asc, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { categories, products } from "@/lib/db/schema";
import { queryTerms } from "./search";
import { categorySlugSchema, productSchema, type Category, type Product } from "./types";

// The one door to catalog data: pages, the API and the ranker call these, never the tables.

type ProductRow = typeof products.$inferSelect;

function toProduct({ priceCents, searchText: _searchText, ...row }: ProductRow): Product {
  return { ...row, price: priceCents / 100 };
}

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
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row && toProduct(row);
}

/** The products with these ids that exist, in the order asked. */
export async function getProducts(ids: readonly string[]): Promise<Product[]> {
  const valid = ids.filter(isProductId);
  if (valid.length === 0) return [];
  const db = await getDb();
  const rows = await db.select().from(products).where(inArray(products.id, valid));
  const byId = new Map(rows.map((row) => [row.id, toProduct(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface CandidateQuery {
  q?: string;
  category?: string;
  /** At most this many, the best by baseline first. */
  limit: number;
}

/** LIKE treats % and _ as wildcards: a search for "100%" means the text. */
function containing(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The order shown before (and without) a model: rating weighted by how many people rated it. */
const baseline = sql`${products.rating} * log(${products.reviewCount} + 10.0)`;

/** Products matching every word of the search and the category, in baseline order: what the model ranks. */
export async function findCandidates({ q = "", category, limit }: CandidateQuery): Promise<Product[]> {
  const db = await getDb();
  const filters: SQL[] = queryTerms(q).map((term) => like(products.searchText, containing(term)));
  if (category) filters.push(eq(products.category, category));
  const rows = await db
    .select()
    .from(products)
    .where(and(...filters))
    .orderBy(desc(baseline), asc(sql`length(${products.id})`), asc(products.id))
    .limit(limit);
  return rows.map(toProduct);
}
