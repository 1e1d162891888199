DROP INDEX "notifications_user_idx";--> statement-breakpoint
DROP INDEX "referrals_receiving_inbox_idx";--> statement-breakpoint
DROP INDEX "referrals_sending_inbox_idx";--> statement-breakpoint
DROP INDEX "referrals_receiving_recent_idx";--> statement-breakpoint
DROP INDEX "referrals_sending_recent_idx";--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_receiving_inbox_idx" ON "referrals" USING btree ("receiving_org_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_sending_inbox_idx" ON "referrals" USING btree ("sending_org_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_receiving_recent_idx" ON "referrals" USING btree ("receiving_org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referrals_sending_recent_idx" ON "referrals" USING btree ("sending_org_id","created_at","id");