import { sql } from "drizzle-orm";
import { bigserial, boolean, check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Arm } from "@/lib/experiments/experiment";
import type { RankedItem, RankingSummary } from "@/lib/ranking/pipeline/events";
import type { ShopperProfile } from "@/lib/shoppers/types";

// Aisle's tables. Migrations under drizzle/ are generated from this file (`npm run db:generate`).

/** PostgreSQL's full-text document type; read only by the database (search), never selected. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();

export const categories = pgTable("categories", {
  slug: text().primaryKey(),
  name: text().notNull(),
  blurb: text().notNull(),
  /** Order in the navigation. */
  position: integer().notNull(),
});

/**
 * A product's words for full-text search, weighted by where they stand (docs/architecture.md §16): name and
 * brand A, kind B, tags C, description D; and what it is (A and B) apart. Computed by the database from the row, so every writer (the seed,
 * the catalog import) gets it alike. English stemming: "laptops" is stored and asked for as "laptop".
 */
const TITLE_DOCUMENT = sql`setweight(to_tsvector('english', name || ' ' || brand), 'A') || setweight(to_tsvector('english', kind), 'B')`;
const SEARCH_DOCUMENT = sql`${TITLE_DOCUMENT} || setweight(to_tsvector('english', translate(tags::text, '[]",', '    ')), 'C') || setweight(to_tsvector('english', description), 'D')`;

/** The baseline ("popular") order's score: rating weighted by how many people rated it (PostgreSQL's log is base 10). */
const POPULARITY = sql`rating * log(review_count + 10.0)`;

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
    searchVector: tsvector("search_vector").generatedAlwaysAs(SEARCH_DOCUMENT).notNull(),
    /** What the product is (name, brand, kind) alone: its own index finds the strongest matches first at any catalog size. */
    titleVector: tsvector("title_vector").generatedAlwaysAs(TITLE_DOCUMENT).notNull(),
    popularity: doublePrecision().generatedAlwaysAs(POPULARITY).notNull(),
  },
  (table) => [
    index("products_search").using("gin", table.searchVector),
    index("products_title_search").using("gin", table.titleVector),
    // The baseline order, whole or by category, and the shortlist's lookups by brand and kind, each read in
    // popularity order from an index (no sort of the catalog per request).
    index("products_popular").on(table.popularity.desc(), sql`length(${table.id})`, table.id),
    index("products_category_popular").on(table.category, table.popularity.desc()),
    index("products_brand_popular").on(sql`lower(${table.brand})`, table.popularity.desc()),
    index("products_kind_popular").on(sql`lower(${table.kind})`, table.popularity.desc()),
  ],
);

/**
 * The catalog's own words as typed (not stemmed), with their English stem and how many products hold them:
 * what a misspelt search word is corrected towards (trigram index), and how rare a word is. Rebuilt from the
 * products after every seed or import (lib/catalog/retrieval/vocabulary.ts).
 */
export const searchWords = pgTable(
  "search_words",
  {
    word: text().primaryKey(),
    lexeme: text().notNull(),
    /** Products holding the word. */
    docs: integer().notNull(),
    /** Products holding it in what they are (name, brand, kind): how broad a search of the title index is. */
    titleDocs: integer("title_docs").notNull(),
  },
  (table) => [index("search_words_trigrams").using("gin", table.word.op("gin_trgm_ops")), index("search_words_lexeme").on(table.lexeme)],
);

/**
 * Words and phrases a shopper may use for the same thing, in groups: searching a phrase that `expands` also
 * searches every phrase of its group ("earphones" finds earbuds); a phrase that does not expand is only found
 * through the others (a one-way synonym). Data the catalog owns (lib/catalog/data/synonyms.json, or imported).
 */
export const searchSynonyms = pgTable(
  "search_synonyms",
  {
    groupId: integer("group_id").notNull(),
    /** Lowercase, its words separated by single spaces. */
    phrase: text().notNull(),
    expands: boolean().notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.phrase] }), index("search_synonyms_phrase").on(table.phrase)],
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

/**
 * What a browser did: the live signals and a browser's own profile are read from here, newest first. Keyed by
 * (browser, id) and by nothing on id alone: a browser's newest events are then read from the key's own order
 * however large the table, where an index on id would tempt the planner to walk the whole table backwards
 * looking for one browser's rows (BENCHMARKS.md §13).
 */
export const events = pgTable(
  "events",
  {
    id: bigserial({ mode: "number" }).notNull(),
    browserId: uuid("browser_id").notNull(),
    shopperId: text("shopper_id").notNull(),
    kind: text().$type<EventKind>().notNull(),
    productId: text("product_id"),
    query: text(),
    category: text(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ name: "events_browser_recent", columns: [table.browserId, table.id] })],
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

/**
 * An order a browser placed at /checkout (no payment is taken). `idempotencyKey` is the checkout form's own:
 * a double submit or a retried request with the same key finds the first order instead of making another.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey(),
    browserId: uuid("browser_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    name: text().notNull(),
    email: text().notNull(),
    /** US cents, the sum of the lines at the prices of the moment it was placed. */
    totalCents: integer("total_cents").notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("orders_idempotency").on(table.browserId, table.idempotencyKey), index("orders_browser_recent").on(table.browserId, table.createdAt)],
);

/** An order's lines: the product as it was when ordered (its name and price are fixed at order time). */
export const orderItems = pgTable(
  "order_items",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    name: text().notNull(),
    /** US cents, each. */
    priceCents: integer("price_cents").notNull(),
    quantity: integer().notNull(),
  },
  (table) => [primaryKey({ columns: [table.orderId, table.productId] })],
);

/** Stars a browser gave a product it bought. */
export const productRatings = pgTable(
  "product_ratings",
  {
    browserId: uuid("browser_id").notNull(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    stars: integer().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (table) => [primaryKey({ columns: [table.browserId, table.productId] }), check("product_ratings_stars", sql`${table.stars} between 1 and 5`)],
);

/** "Not interested": a browser's answer to a recommended product. */
export const notInterested = pgTable(
  "not_interested",
  {
    browserId: uuid("browser_id").notNull(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.browserId, table.productId] })],
);

/**
 * A ranking shown to a browser (a page's grid or an API answer): its id is the done line's `rankingId` and the
 * grid's `data-ranking-id`. Only the browser it was shown to may report clicks on it (docs/architecture.md §19).
 */
export const showings = pgTable(
  "showings",
  {
    id: uuid().primaryKey(),
    browserId: uuid("browser_id").notNull(),
    arm: text().$type<Arm>().notNull(),
    /** US dollars the model's tokens cost for this showing: 0 for a replay or an arm without the model; null while it streams. */
    costUsd: doublePrecision("cost_usd"),
    createdAt: createdAt(),
  },
  (table) => [index("showings_recent").on(table.createdAt), index("showings_browser").on(table.browserId)],
);

export const interactionTypes = ["click", "cart-add", "purchase"] as const;
export type InteractionType = (typeof interactionTypes)[number];

/**
 * What a shopper did with a shown ranking's card: opened it (a click), added it to the cart, bought it (an
 * order line within AISLE_ATTRIBUTION_HOURS of opening it). Keyed by (browser, id): a click's id is the
 * browser's own (a retried beacon is one click); the server's are derived from what they record.
 */
export const interactions = pgTable(
  "interactions",
  {
    browserId: uuid("browser_id").notNull(),
    id: text().notNull(),
    rankingId: uuid("ranking_id")
      .notNull()
      .references(() => showings.id, { onDelete: "cascade" }),
    type: text().$type<InteractionType>().notNull(),
    productId: text("product_id").notNull(),
    /** The card's rank in the grid, from 1. */
    position: integer().notNull(),
    source: text().$type<"model" | "fallback">().notNull(),
    /** A purchase's order line, in US cents; 0 otherwise. */
    revenueCents: integer("revenue_cents").default(0).notNull(),
    orderId: uuid("order_id"),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.browserId, table.id] }),
    index("interactions_ranking").on(table.rankingId),
    // The last ranking a browser opened a product from: what an add to cart or an order line is attributed to.
    index("interactions_opened").on(table.browserId, table.productId, table.createdAt),
  ],
);
