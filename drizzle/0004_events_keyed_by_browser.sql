DROP INDEX "events_browser_recent";--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_browser_recent" PRIMARY KEY("browser_id","id");
