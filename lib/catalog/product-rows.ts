import { sql } from "drizzle-orm";
import { products } from "@/lib/db/schema";
import type { Product } from "./types";

// A product as the tables hold it and as the app uses it: the columns a product is read by (not the search
// document nor the popularity the database derives), and the row turned into a Product (cents to dollars).

export const productColumns = {
  id: products.id,
  name: products.name,
  brand: products.brand,
  category: products.category,
  kind: products.kind,
  priceCents: products.priceCents,
  rating: products.rating,
  reviewCount: products.reviewCount,
  description: products.description,
  tags: products.tags,
  image: products.image,
};

/** The same columns for a raw query over `products` aliased `p`, named as ProductRow names them. */
export const productColumnsSql = sql.raw(
  `p.id, p.name, p.brand, p.category, p.kind, p.price_cents as "priceCents", p.rating, p.review_count as "reviewCount", p.description, p.tags, p.image`,
);

export interface ProductRow {
  id: string;
  name: string;
  brand: string;
  category: string;
  kind: string;
  priceCents: number;
  rating: number;
  reviewCount: number;
  description: string;
  tags: string[];
  image: string;
}

export function toProduct({ priceCents, ...row }: ProductRow): Product {
  return { id: row.id, name: row.name, brand: row.brand, category: row.category, kind: row.kind, price: priceCents / 100, rating: row.rating, reviewCount: row.reviewCount, description: row.description, tags: row.tags, image: row.image };
}
