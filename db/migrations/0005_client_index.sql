DROP INDEX "referrals_client_open_idx";--> statement-breakpoint
CREATE INDEX "referrals_client_idx" ON "referrals" USING btree ("client_id","status");