-- Searches without text walk services_name_order_idx in name order. Before, each entry cost a
-- visit to the table row to test the filter values against the whole search document (~700
-- bytes); when names correlate with a filter (housing services named "Housing ..."), the walk
-- read ~5,000 rows for a page. Now the filter values have their own small column, and the index
-- carries every column such a search reads, so the walk is an index-only scan.
ALTER TABLE "services" ADD COLUMN "facets" "tsvector" GENERATED ALWAYS AS (tandem_service_facets("categories", "languages", "spas", "focus_populations", "community_support")) STORED;--> statement-breakpoint
CREATE INDEX "services_facets_idx" ON "services" USING gin ("facets");--> statement-breakpoint
DROP INDEX "services_name_order_idx";--> statement-breakpoint
-- drizzle cannot declare INCLUDE; the schema declares the same name, keys and predicate.
CREATE INDEX "services_name_order_idx" ON "services" USING btree (lower("name"),"id")
  INCLUDE ("name", "facets", "capacity_status", "time_zone", "open_hours", "exception_dates", "min_age", "max_age")
  WHERE "services"."status" <> 'inactive';--> statement-breakpoint
ANALYZE "services";
