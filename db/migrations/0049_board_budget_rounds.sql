CREATE TABLE "board_budget_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"cost_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_budget_proposals_cost_check" CHECK ("board_budget_proposals"."cost_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "board_budget_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"title" text NOT NULL,
	"budget_cents" integer NOT NULL,
	"points_per_member" integer DEFAULT 100 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_budget_rounds_status_check" CHECK ("board_budget_rounds"."status" in ('draft', 'voting', 'closed')),
	CONSTRAINT "board_budget_rounds_amounts_check" CHECK ("board_budget_rounds"."budget_cents" > 0 and "board_budget_rounds"."points_per_member" > 0)
);
--> statement-breakpoint
CREATE TABLE "board_budget_votes" (
	"round_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"points" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_budget_votes_round_id_member_id_pk" PRIMARY KEY("round_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "board_budget_proposals" ADD CONSTRAINT "board_budget_proposals_round_id_board_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."board_budget_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_budget_rounds" ADD CONSTRAINT "board_budget_rounds_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_budget_rounds" ADD CONSTRAINT "board_budget_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_budget_votes" ADD CONSTRAINT "board_budget_votes_round_id_board_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."board_budget_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_budget_votes" ADD CONSTRAINT "board_budget_votes_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_budget_votes" ADD CONSTRAINT "board_budget_votes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_budget_proposals_round_idx" ON "board_budget_proposals" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE INDEX "board_budget_rounds_board_idx" ON "board_budget_rounds" USING btree ("board_id","created_at");--> statement-breakpoint
CREATE INDEX "board_budget_votes_member_idx" ON "board_budget_votes" USING btree ("member_id");