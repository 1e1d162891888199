CREATE TABLE "board_meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "board_meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id"),
	CONSTRAINT "board_meeting_attendance_status_check" CHECK ("board_meeting_attendance"."status" in ('present', 'remote', 'excused', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "board_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"virtual_url" text,
	"agenda" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"supports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_meetings_status_check" CHECK ("board_meetings"."status" in ('scheduled', 'held', 'cancelled')),
	CONSTRAINT "board_meetings_where_check" CHECK ("board_meetings"."place" is not null or "board_meetings"."virtual_url" is not null),
	CONSTRAINT "board_meetings_ends_check" CHECK ("board_meetings"."ends_at" is null or "board_meetings"."ends_at" >= "board_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "board_motions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text,
	"decision" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_motions_decision_check" CHECK ("board_motions"."decision" in ('consensus', 'majority'))
);
--> statement-breakpoint
CREATE TABLE "board_satisfaction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"meeting_id" uuid,
	"quarter" text NOT NULL,
	"date" date NOT NULL,
	"heard" integer NOT NULL,
	"used" integer NOT NULL,
	"comment" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_satisfaction_heard_check" CHECK ("board_satisfaction"."heard" between 1 and 5),
	CONSTRAINT "board_satisfaction_used_check" CHECK ("board_satisfaction"."used" between 1 and 5),
	CONSTRAINT "board_satisfaction_quarter_check" CHECK ("board_satisfaction"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "board_training_attendance" (
	"training_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	CONSTRAINT "board_training_attendance_training_id_member_id_pk" PRIMARY KEY("training_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "board_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"trainer" text NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_votes" (
	"motion_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"choice" text NOT NULL,
	CONSTRAINT "board_votes_motion_id_member_id_pk" PRIMARY KEY("motion_id","member_id"),
	CONSTRAINT "board_votes_choice_check" CHECK ("board_votes"."choice" in ('agree', 'stand_aside', 'block', 'yes', 'no', 'abstain'))
);
--> statement-breakpoint
ALTER TABLE "board_charters" ADD COLUMN "quorum_rule" jsonb;--> statement-breakpoint
ALTER TABLE "board_meeting_attendance" ADD CONSTRAINT "board_meeting_attendance_meeting_id_board_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."board_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meeting_attendance" ADD CONSTRAINT "board_meeting_attendance_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meetings" ADD CONSTRAINT "board_meetings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meetings" ADD CONSTRAINT "board_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_motions" ADD CONSTRAINT "board_motions_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_motions" ADD CONSTRAINT "board_motions_meeting_id_board_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."board_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_motions" ADD CONSTRAINT "board_motions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_satisfaction" ADD CONSTRAINT "board_satisfaction_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_satisfaction" ADD CONSTRAINT "board_satisfaction_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_satisfaction" ADD CONSTRAINT "board_satisfaction_meeting_id_board_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."board_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_satisfaction" ADD CONSTRAINT "board_satisfaction_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_training_attendance" ADD CONSTRAINT "board_training_attendance_training_id_board_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."board_trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_training_attendance" ADD CONSTRAINT "board_training_attendance_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_trainings" ADD CONSTRAINT "board_trainings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_votes" ADD CONSTRAINT "board_votes_motion_id_board_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."board_motions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_votes" ADD CONSTRAINT "board_votes_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_meeting_attendance_member_idx" ON "board_meeting_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "board_meetings_board_idx" ON "board_meetings" USING btree ("board_id","starts_at");--> statement-breakpoint
CREATE INDEX "board_motions_meeting_idx" ON "board_motions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "board_motions_board_idx" ON "board_motions" USING btree ("board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_satisfaction_meeting_idx" ON "board_satisfaction" USING btree ("member_id","meeting_id") WHERE "board_satisfaction"."meeting_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "board_satisfaction_quarter_idx" ON "board_satisfaction" USING btree ("member_id","quarter") WHERE "board_satisfaction"."meeting_id" is null;--> statement-breakpoint
CREATE INDEX "board_satisfaction_board_idx" ON "board_satisfaction" USING btree ("board_id","date");--> statement-breakpoint
CREATE INDEX "board_trainings_board_idx" ON "board_trainings" USING btree ("board_id","date");--> statement-breakpoint
ALTER TABLE "board_charters" ADD CONSTRAINT "board_charters_quorum_rule_check" CHECK ("board_charters"."quorum_rule" is null or "board_charters"."quorum_rule"->>'kind' in ('majority_of_seated_members', 'fraction', 'count'));