CREATE TABLE "interactions" (
	"browser_id" uuid NOT NULL,
	"id" text NOT NULL,
	"ranking_id" uuid NOT NULL,
	"type" text NOT NULL,
	"product_id" text NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"revenue_cents" integer DEFAULT 0 NOT NULL,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_browser_id_id_pk" PRIMARY KEY("browser_id","id")
);
--> statement-breakpoint
CREATE TABLE "showings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"browser_id" uuid NOT NULL,
	"arm" text NOT NULL,
	"cost_usd" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_ranking_id_showings_id_fk" FOREIGN KEY ("ranking_id") REFERENCES "public"."showings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interactions_ranking" ON "interactions" USING btree ("ranking_id");--> statement-breakpoint
CREATE INDEX "interactions_opened" ON "interactions" USING btree ("browser_id","product_id","created_at");--> statement-breakpoint
CREATE INDEX "showings_recent" ON "showings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "showings_browser" ON "showings" USING btree ("browser_id");