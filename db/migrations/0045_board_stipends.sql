CREATE TABLE "board_stipend_policies" (
	"board_id" uuid PRIMARY KEY NOT NULL,
	"meeting_rate_cents" integer DEFAULT 0 NOT NULL,
	"extra_rate_cents" integer DEFAULT 0 NOT NULL,
	"annual_cap_cents" integer,
	"methods" text[] DEFAULT array['check','direct_deposit','gift_card','prepaid_card','cash']::text[] NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "board_stipend_policies_rates_check" CHECK ("board_stipend_policies"."meeting_rate_cents" >= 0 and "board_stipend_policies"."extra_rate_cents" >= 0),
	CONSTRAINT "board_stipend_policies_cap_check" CHECK ("board_stipend_policies"."annual_cap_cents" is null or "board_stipend_policies"."annual_cap_cents" > 0),
	CONSTRAINT "board_stipend_policies_methods_check" CHECK ("board_stipend_policies"."methods" <@ array['check', 'direct_deposit', 'gift_card', 'prepaid_card', 'cash']::text[] and cardinality("board_stipend_policies"."methods") > 0)
);
--> statement-breakpoint
CREATE TABLE "stipend_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"covered_by_advance_cents" integer DEFAULT 0 NOT NULL,
	"method" text NOT NULL,
	"purpose" text NOT NULL,
	"meeting_id" uuid,
	"paid_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stipend_payments_amount_check" CHECK ("stipend_payments"."amount_cents" > 0),
	CONSTRAINT "stipend_payments_covered_check" CHECK ("stipend_payments"."covered_by_advance_cents" >= 0 and "stipend_payments"."covered_by_advance_cents" <= "stipend_payments"."amount_cents" and ("stipend_payments"."purpose" <> 'advance' or "stipend_payments"."covered_by_advance_cents" = 0)),
	CONSTRAINT "stipend_payments_method_check" CHECK ("stipend_payments"."method" in ('check', 'direct_deposit', 'gift_card', 'prepaid_card', 'cash')),
	CONSTRAINT "stipend_payments_purpose_check" CHECK ("stipend_payments"."purpose" in ('meeting', 'extra_work', 'period', 'advance')),
	CONSTRAINT "stipend_payments_status_check" CHECK ("stipend_payments"."status" in ('planned', 'issued', 'returned')),
	CONSTRAINT "stipend_payments_issued_check" CHECK ("stipend_payments"."status" <> 'issued' or "stipend_payments"."paid_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "stipend_reporting_thresholds" (
	"year" integer PRIMARY KEY NOT NULL,
	"amount_cents" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stipend_reporting_thresholds_check" CHECK ("stipend_reporting_thresholds"."amount_cents" > 0 and "stipend_reporting_thresholds"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "board_stipend_policies" ADD CONSTRAINT "board_stipend_policies_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_stipend_policies" ADD CONSTRAINT "board_stipend_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stipend_payments" ADD CONSTRAINT "stipend_payments_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stipend_payments" ADD CONSTRAINT "stipend_payments_member_id_board_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."board_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stipend_payments" ADD CONSTRAINT "stipend_payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stipend_reporting_thresholds" ADD CONSTRAINT "stipend_reporting_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stipend_payments_board_idx" ON "stipend_payments" USING btree ("board_id","paid_on");--> statement-breakpoint
CREATE INDEX "stipend_payments_member_idx" ON "stipend_payments" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stipend_payments_meeting_once_idx" ON "stipend_payments" USING btree ("member_id","meeting_id") WHERE "stipend_payments"."purpose" = 'meeting' and "stipend_payments"."meeting_id" is not null and "stipend_payments"."status" <> 'returned';--> statement-breakpoint
-- The information-return thresholds set by law: $600 for payments through 2025 (earlier years take it too), $2,000 from 2026.
INSERT INTO "stipend_reporting_thresholds" ("year", "amount_cents") VALUES (2025, 60000), (2026, 200000);
