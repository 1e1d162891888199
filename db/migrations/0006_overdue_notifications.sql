ALTER TABLE "referrals" ADD COLUMN "ack_overdue_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "contact_overdue_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "referrals_ack_overdue_idx" ON "referrals" USING btree ("acknowledge_due_at") WHERE "referrals"."acknowledged_at" is null and "referrals"."ack_overdue_notified_at" is null and "referrals"."status" in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold');--> statement-breakpoint
CREATE INDEX "referrals_contact_overdue_idx" ON "referrals" USING btree ("first_contact_due_at") WHERE "referrals"."first_contact_at" is null and "referrals"."contact_overdue_notified_at" is null and "referrals"."status" in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold');--> statement-breakpoint
-- Referrals already overdue when this ships are not notified retroactively: the sweep starts from now.
UPDATE "referrals" SET "ack_overdue_notified_at" = now() WHERE "acknowledged_at" IS NULL AND "acknowledge_due_at" < now() AND "status" IN ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold');--> statement-breakpoint
UPDATE "referrals" SET "contact_overdue_notified_at" = now() WHERE "first_contact_at" IS NULL AND "first_contact_due_at" < now() AND "status" IN ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold');
