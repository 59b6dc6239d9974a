import { sql } from "drizzle-orm";
import { bigserial, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RankedItem, RankingSummary } from "@/lib/ranking/pipeline/events";
import type { ShopperProfile } from "@/lib/shoppers/types";

// Aisle's tables. Migrations under drizzle/ are generated from this file (`npm run db:generate`).

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();

export const categories = pgTable("categories", {
  slug: text().primaryKey(),
  name: text().notNull(),
  blurb: text().notNull(),
  /** Order in the navigation. */
  position: integer().notNull(),
});

export const products = pgTable(
  "products",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    brand: text().notNull(),
    category: text()
      .notNull()
      .references(() => categories.slug),
    kind: text().notNull(),
    /** US cents: money is never a float. */
    priceCents: integer("price_cents").notNull(),
    rating: doublePrecision().notNull(),
    reviewCount: integer("review_count").notNull(),
    description: text().notNull(),
    tags: jsonb().$type<string[]>().notNull(),
    image: text().notNull(),
    /** Lowercased name, brand, kind, description and tags: what `q` searches. */
    searchText: text("search_text").notNull(),
  },
  (table) => [index("products_category").on(table.category)],
);

export const shoppers = pgTable("shoppers", {
  id: text().primaryKey(),
  profile: jsonb().$type<ShopperProfile>().notNull(),
  position: integer().notNull(),
});

/** A cart per browser: its id is the browser's random cookie id. */
export const carts = pgTable("carts", {
  id: uuid().primaryKey(),
  createdAt: createdAt(),
});

export const MAX_QUANTITY = 20;

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cartId, table.productId] }),
    check("cart_items_quantity", sql`${table.quantity} between 1 and ${sql.raw(String(MAX_QUANTITY))}`),
  ],
);

export const eventKinds = ["view", "search", "category", "cart-add", "cart-remove"] as const;
export type EventKind = (typeof eventKinds)[number];

/** What a browser did: the live signals are read from here. */
export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    browserId: uuid("browser_id").notNull(),
    shopperId: text("shopper_id").notNull(),
    kind: text().$type<EventKind>().notNull(),
    productId: text("product_id"),
    query: text(),
    category: text(),
    createdAt: createdAt(),
  },
  (table) => [index("events_browser_recent").on(table.browserId, table.id)],
);

/** A completed ranking and what it was computed from; the same inputs replay it without a model call. */
export const rankings = pgTable(
  "rankings",
  {
    id: uuid().primaryKey(),
    shopperId: text("shopper_id").notNull(),
    /** A hash of the live signals and the candidate ids the model saw. */
    inputsFingerprint: text("inputs_fingerprint").notNull(),
    q: text().notNull(),
    category: text().notNull(),
    provider: text().notNull(),
    model: text().notNull(),
    items: jsonb().$type<RankedItem[]>().notNull(),
    summary: jsonb().$type<RankingSummary>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("rankings_lookup").on(table.shopperId, table.inputsFingerprint, table.q, table.category, table.provider, table.model, table.createdAt),
  ],
);

/**
 * Fresh model rankings a client has started in the current window (rate-limiter-flexible's Drizzle store:
 * key, points, expire). In the database, so the budget holds across every server on one PostgreSQL.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});
