-- Trigram similarity (search_words_trigrams): PGlite loads the extension from its contrib build (lib/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"group_id" integer NOT NULL,
	"phrase" text NOT NULL,
	"expands" boolean NOT NULL,
	CONSTRAINT "search_synonyms_group_id_phrase_pk" PRIMARY KEY("group_id","phrase")
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"lexeme" text NOT NULL,
	"docs" integer NOT NULL,
	"title_docs" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "products_category";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name || ' ' || brand), 'A') || setweight(to_tsvector('english', kind), 'B') || setweight(to_tsvector('english', translate(tags::text, '[]",', '    ')), 'C') || setweight(to_tsvector('english', description), 'D')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name || ' ' || brand), 'A') || setweight(to_tsvector('english', kind), 'B')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "popularity" double precision GENERATED ALWAYS AS (rating * log(review_count + 10.0)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_synonyms_phrase" ON "search_synonyms" USING btree ("phrase");--> statement-breakpoint
CREATE INDEX "search_words_trigrams" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_words_lexeme" ON "search_words" USING btree ("lexeme");--> statement-breakpoint
CREATE INDEX "products_search" ON "products" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "products_title_search" ON "products" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "products_popular" ON "products" USING btree ("popularity" DESC NULLS LAST,length("id"),"id");--> statement-breakpoint
CREATE INDEX "products_category_popular" ON "products" USING btree ("category","popularity" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_brand_popular" ON "products" USING btree (lower("brand"),"popularity" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_kind_popular" ON "products" USING btree (lower("kind"),"popularity" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "search_text";