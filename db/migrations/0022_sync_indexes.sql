CREATE INDEX "services_org_updated_idx" ON "services" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "referrals_receiving_updated_idx" ON "referrals" USING btree ("receiving_org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "referrals_sending_updated_idx" ON "referrals" USING btree ("sending_org_id","updated_at","id");