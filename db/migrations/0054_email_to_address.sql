ALTER TABLE "outgoing_emails" DROP CONSTRAINT "outgoing_emails_template_check";--> statement-breakpoint
ALTER TABLE "outgoing_emails" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD COLUMN "to_address" text;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD CONSTRAINT "outgoing_emails_recipient_check" CHECK (("outgoing_emails"."user_id" is null) <> ("outgoing_emails"."to_address" is null));--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD CONSTRAINT "outgoing_emails_locale_check" CHECK ("outgoing_emails"."locale" is null or "outgoing_emails"."locale" in ('en', 'es'));--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD CONSTRAINT "outgoing_emails_template_check" CHECK ("outgoing_emails"."template" in ('invitation', 'password_reset', 'notification', 'board_decision'));