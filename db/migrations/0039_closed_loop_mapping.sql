CREATE TABLE "closed_loop_mapping" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closed_loop_mapping_one_row_check" CHECK ("closed_loop_mapping"."id" = 1),
	CONSTRAINT "closed_loop_mapping_entries_check" CHECK (jsonb_typeof("closed_loop_mapping"."entries") = 'array')
);
--> statement-breakpoint
ALTER TABLE "closed_loop_mapping" ADD CONSTRAINT "closed_loop_mapping_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;