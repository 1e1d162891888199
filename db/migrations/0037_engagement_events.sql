CREATE TABLE "engagement_event_gaps" (
	"event_id" uuid NOT NULL,
	"gap_id" uuid NOT NULL,
	CONSTRAINT "engagement_event_gaps_event_id_gap_id_pk" PRIMARY KEY("event_id","gap_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_event_organizations" (
	"event_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "engagement_event_organizations_event_id_organization_id_pk" PRIMARY KEY("event_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_event_staff" (
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "engagement_event_staff_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"spas" text[] NOT NULL,
	"modality" text DEFAULT 'in_person' NOT NULL,
	"address" text,
	"focus_populations" text[] NOT NULL,
	"attendee_count" integer NOT NULL,
	"community_members" integer,
	"cbo_staff" integer,
	"county_staff" integer,
	"health_system_staff" integer,
	"lived_experience" integer,
	"summary" text,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"series_id" uuid,
	"source_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"delete_reason" text,
	CONSTRAINT "engagement_events_source_id_unique" UNIQUE("source_id"),
	CONSTRAINT "engagement_events_type_check" CHECK ("engagement_events"."type" in ('outreach_meeting', 'service_assessment', 'workgroup', 'community_action_team', 'town_hall', 'training', 'case_conference', 'other')),
	CONSTRAINT "engagement_events_modality_check" CHECK ("engagement_events"."modality" in ('in_person', 'virtual')),
	CONSTRAINT "engagement_events_spas_check" CHECK (cardinality("engagement_events"."spas") > 0 and "engagement_events"."spas" <@ array['spa1', 'spa2', 'spa3', 'spa4', 'spa5', 'spa6', 'spa7', 'spa8']::text[]),
	CONSTRAINT "engagement_events_populations_check" CHECK (cardinality("engagement_events"."focus_populations") > 0 and "engagement_events"."focus_populations" <@ array['homelessness', 'justice_involvement', 'healthy_pregnancy', 'mental_health', 'substance_use', 'complex_health', 'other']::text[]),
	CONSTRAINT "engagement_events_duration_check" CHECK ("engagement_events"."duration_minutes" is null or "engagement_events"."duration_minutes" between 1 and 1440),
	CONSTRAINT "engagement_events_attendees_check" CHECK ("engagement_events"."attendee_count" >= 0
        and coalesce("engagement_events"."community_members", 0) >= 0 and coalesce("engagement_events"."cbo_staff", 0) >= 0 and coalesce("engagement_events"."county_staff", 0) >= 0
        and coalesce("engagement_events"."health_system_staff", 0) >= 0 and coalesce("engagement_events"."lived_experience", 0) >= 0
        and coalesce("engagement_events"."community_members", 0) + coalesce("engagement_events"."cbo_staff", 0) + coalesce("engagement_events"."county_staff", 0) + coalesce("engagement_events"."health_system_staff", 0) <= "engagement_events"."attendee_count"
        and coalesce("engagement_events"."lived_experience", 0) <= "engagement_events"."attendee_count"),
	CONSTRAINT "engagement_events_deleted_check" CHECK (("engagement_events"."deleted_at" is null) = ("engagement_events"."delete_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "engagement_event_gaps" ADD CONSTRAINT "engagement_event_gaps_event_id_engagement_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."engagement_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_event_organizations" ADD CONSTRAINT "engagement_event_organizations_event_id_engagement_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."engagement_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_event_organizations" ADD CONSTRAINT "engagement_event_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_event_staff" ADD CONSTRAINT "engagement_event_staff_event_id_engagement_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."engagement_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_event_staff" ADD CONSTRAINT "engagement_event_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_event_gaps_gap_idx" ON "engagement_event_gaps" USING btree ("gap_id");--> statement-breakpoint
CREATE INDEX "engagement_event_organizations_org_idx" ON "engagement_event_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "engagement_event_staff_user_idx" ON "engagement_event_staff" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "engagement_events_starts_idx" ON "engagement_events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "engagement_events_spas_idx" ON "engagement_events" USING gin ("spas");--> statement-breakpoint
CREATE INDEX "engagement_events_series_idx" ON "engagement_events" USING btree ("series_id");