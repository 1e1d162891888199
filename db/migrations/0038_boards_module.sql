CREATE TABLE "board_application_forms" (
	"token" text PRIMARY KEY NOT NULL,
	"board_id" uuid NOT NULL,
	"ip_hash" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "board_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"zip" text,
	"spa" text,
	"populations" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text,
	"accessibility_needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_notes" text,
	"stipend_method" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applicant_user_id" uuid,
	"ip_hash" text,
	"decision_message" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_applications_reference_unique" UNIQUE("reference"),
	CONSTRAINT "board_applications_status_check" CHECK ("board_applications"."status" in ('submitted', 'selected', 'waitlisted', 'declined')),
	CONSTRAINT "board_applications_locale_check" CHECK ("board_applications"."locale" in ('en', 'es')),
	CONSTRAINT "board_applications_spa_check" CHECK ("board_applications"."spa" in ('spa1', 'spa2', 'spa3', 'spa4', 'spa5', 'spa6', 'spa7', 'spa8')),
	CONSTRAINT "board_applications_populations_check" CHECK ("board_applications"."populations" <@ array['homelessness', 'justice_involvement', 'healthy_pregnancy', 'mental_health', 'substance_use', 'complex_health', 'other']::text[]),
	CONSTRAINT "board_applications_languages_check" CHECK ("board_applications"."languages" <@ array['en', 'es', 'zh', 'ko', 'vi', 'tl', 'hy', 'fa', 'ru', 'ja', 'km', 'ar', 'asl']::text[]),
	CONSTRAINT "board_applications_needs_check" CHECK ("board_applications"."accessibility_needs" <@ array['interpretation', 'childcare', 'transport', 'meals']::text[]),
	CONSTRAINT "board_applications_stipend_check" CHECK ("board_applications"."stipend_method" in ('check', 'direct_deposit', 'gift_card', 'prepaid_card', 'cash')),
	CONSTRAINT "board_applications_contact_check" CHECK ("board_applications"."phone" is not null or "board_applications"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "board_charter_acknowledgements" (
	"charter_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "board_charter_acknowledgements_charter_id_member_id_pk" PRIMARY KEY("charter_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "board_charters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_coordinators" (
	"board_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "board_coordinators_board_id_user_id_pk" PRIMARY KEY("board_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "board_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"application_id" uuid,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"seat" integer,
	"role" text DEFAULT 'member' NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"renewals" integer DEFAULT 0 NOT NULL,
	"exit_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_members_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "board_members_role_check" CHECK ("board_members"."role" in ('chair', 'co_chair', 'member')),
	CONSTRAINT "board_members_status_check" CHECK ("board_members"."status" in ('active', 'on_leave', 'ended')),
	CONSTRAINT "board_members_exit_check" CHECK ("board_members"."exit_reason" in ('term_completed', 'resigned', 'moved_away', 'removed', 'deceased', 'other')),
	CONSTRAINT "board_members_term_check" CHECK ("board_members"."term_start" <= "board_members"."term_end")
);
--> statement-breakpoint
CREATE TABLE "board_reviews" (
	"application_id" uuid NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"conflict" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_reviews_application_id_reviewer_user_id_pk" PRIMARY KEY("application_id","reviewer_user_id")
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"program" text NOT NULL,
	"purpose" text NOT NULL,
	"seats" integer NOT NULL,
	"term_months" integer NOT NULL,
	"meeting_cadence" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "boards_status_check" CHECK ("boards"."status" in ('draft', 'recruiting', 'active', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "notification_settings" DROP CONSTRAINT "notification_settings_kinds_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_entity_type_check";--> statement-breakpoint
ALTER TABLE "board_application_forms" ADD CONSTRAINT "board_application_forms_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_applications" ADD CONSTRAINT "board_applications_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_applications" ADD CONSTRAINT "board_applications_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_applications" ADD CONSTRAINT "board_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_charter_acknowledgements" ADD CONSTRAINT "board_charter_acknowledgements_charter_id_board_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."board_charters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_charter_acknowledgements" ADD CONSTRAINT "board_charter_acknowledgements_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_charter_acknowledgements" ADD CONSTRAINT "board_charter_acknowledgements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_charters" ADD CONSTRAINT "board_charters_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_charters" ADD CONSTRAINT "board_charters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_coordinators" ADD CONSTRAINT "board_coordinators_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_coordinators" ADD CONSTRAINT "board_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_members" ADD CONSTRAINT "board_members_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_members" ADD CONSTRAINT "board_members_application_id_board_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."board_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reviews" ADD CONSTRAINT "board_reviews_application_id_board_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."board_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reviews" ADD CONSTRAINT "board_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_application_forms_ip_idx" ON "board_application_forms" USING btree ("ip_hash","issued_at");--> statement-breakpoint
CREATE INDEX "board_applications_board_idx" ON "board_applications" USING btree ("board_id","created_at");--> statement-breakpoint
CREATE INDEX "board_applications_ip_idx" ON "board_applications" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "board_charter_ack_member_idx" ON "board_charter_acknowledgements" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_charters_number_idx" ON "board_charters" USING btree ("board_id","number");--> statement-breakpoint
CREATE INDEX "board_coordinators_user_idx" ON "board_coordinators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "board_members_board_idx" ON "board_members" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "boards_name_idx" ON "boards" USING btree (lower("name"),"id");--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_kinds_check" CHECK ("notification_settings"."muted_kinds" <@ array['referral.received', 'referral.status_changed', 'referral.message', 'referral.overdue', 'referral.assigned', 'board.application_decided']::text[]);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_entity_type_check" CHECK ("notifications"."entity_type" in ('referral', 'board_application'));