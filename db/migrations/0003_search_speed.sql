DROP INDEX "locations_earth_idx";--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "earth_pt" "cube" GENERATED ALWAYS AS ((ll_to_earth(latitude, longitude))::cube) STORED;--> statement-breakpoint
CREATE INDEX "locations_earth_pt_idx" ON "locations" USING gist ("earth_pt");--> statement-breakpoint
CREATE INDEX "services_name_order_idx" ON "services" USING btree (lower("name"),"id") WHERE "services"."status" <> 'inactive';