CREATE TABLE "board_recommendation_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"progress" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_recommendation_updates_progress_check" CHECK ("board_recommendation_updates"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "board_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"topic" text NOT NULL,
	"meeting_id" uuid,
	"motion_id" uuid,
	"submitted_on" date NOT NULL,
	"addressed_to" text NOT NULL,
	"response_due" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"response" text,
	"rationale" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_recommendations_status_check" CHECK ("board_recommendations"."status" in ('submitted', 'under_review', 'adopted', 'partially_adopted', 'not_adopted', 'implemented')),
	CONSTRAINT "board_recommendations_due_check" CHECK ("board_recommendations"."submitted_on" <= "board_recommendations"."response_due"),
	CONSTRAINT "board_recommendations_rationale_check" CHECK ("board_recommendations"."status" not in ('partially_adopted', 'not_adopted') or ("board_recommendations"."rationale" is not null and "board_recommendations"."response" is not null)),
	CONSTRAINT "board_recommendations_responded_check" CHECK ("board_recommendations"."status" in ('submitted', 'under_review') or "board_recommendations"."responded_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "notification_settings" DROP CONSTRAINT "notification_settings_kinds_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_entity_type_check";--> statement-breakpoint
ALTER TABLE "board_recommendation_updates" ADD CONSTRAINT "board_recommendation_updates_recommendation_id_board_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."board_recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_recommendation_updates" ADD CONSTRAINT "board_recommendation_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_recommendations" ADD CONSTRAINT "board_recommendations_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_recommendations" ADD CONSTRAINT "board_recommendations_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_recommendations" ADD CONSTRAINT "board_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_recommendation_updates_rec_idx" ON "board_recommendation_updates" USING btree ("recommendation_id","date");--> statement-breakpoint
CREATE INDEX "board_recommendations_board_idx" ON "board_recommendations" USING btree ("board_id","submitted_on");--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_kinds_check" CHECK ("notification_settings"."muted_kinds" <@ array['referral.received', 'referral.status_changed', 'referral.message', 'referral.overdue', 'referral.assigned', 'board.application_decided', 'board.recommendation_overdue']::text[]);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_entity_type_check" CHECK ("notifications"."entity_type" in ('referral', 'board_application', 'board_recommendation'));