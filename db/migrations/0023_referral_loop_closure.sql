ALTER TABLE "referral_events" DROP CONSTRAINT "referral_events_kind_check";--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "first_contact_method" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "loop_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "loop_closed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "loop_closed_by_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_loop_closed_by_user_id_users_id_fk" FOREIGN KEY ("loop_closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_loop_closed_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("loop_closed_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_kind_check" CHECK ("referral_events"."kind" in ('created', 'updated', 'status_changed', 'assigned', 'forwarded', 'first_contact', 'loop_closed'));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_outcome_check" CHECK ("referrals"."outcome" is null or "referrals"."outcome" in ('services_received', 'client_declined', 'client_unreachable', 'not_eligible', 'no_capacity', 'referred_elsewhere', 'cancelled_by_referrer', 'duplicate', 'other'));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_first_contact_method_check" CHECK ("referrals"."first_contact_method" is null or "referrals"."first_contact_method" in ('phone', 'text', 'in_person', 'video', 'email'));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_loop_closed_check" CHECK ("referrals"."loop_closed_at" is null or "referrals"."status" in ('completed', 'unable_to_complete', 'entered_in_error'));