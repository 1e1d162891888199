-- Two branches added a notification kind and entity type each (board.recommendation_overdue,
-- webhook.paused); each migration re-made the CHECKs with its own list. These are both.
ALTER TABLE "notification_settings" DROP CONSTRAINT "notification_settings_kinds_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_entity_type_check";--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_kinds_check" CHECK ("notification_settings"."muted_kinds" <@ array['referral.received', 'referral.status_changed', 'referral.message', 'referral.overdue', 'referral.assigned', 'board.application_decided', 'board.recommendation_overdue', 'webhook.paused']::text[]);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_entity_type_check" CHECK ("notifications"."entity_type" in ('referral', 'board_application', 'board_recommendation', 'webhook_subscription'));
