CREATE TABLE "service_gap_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gap_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"changes" jsonb,
	CONSTRAINT "service_gap_events_kind_check" CHECK ("service_gap_events"."kind" in ('created', 'updated', 'status_changed', 'note'))
);
--> statement-breakpoint
CREATE TABLE "service_gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"spa" text NOT NULL,
	"category" text,
	"community_support" text,
	"focus_population" text,
	"description" text,
	"severity" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'identified' NOT NULL,
	"status_rationale" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_user_id" uuid,
	"linked_agreement_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_gaps_spa_check" CHECK ("service_gaps"."spa" in ('spa1', 'spa2', 'spa3', 'spa4', 'spa5', 'spa6', 'spa7', 'spa8')),
	CONSTRAINT "service_gaps_category_check" CHECK ("service_gaps"."category" is null or "service_gaps"."category" in ('sdoh-category-unspecified', 'food-insecurity', 'housing-instability', 'homelessness', 'inadequate-housing', 'transportation-insecurity', 'financial-insecurity', 'material-hardship', 'educational-attainment', 'employment-status', 'veteran-status', 'stress', 'social-connection', 'intimate-partner-violence', 'elder-abuse', 'personal-health-literacy', 'health-insurance-coverage-status', 'medical-cost-burden', 'digital-literacy', 'digital-access', 'utility-insecurity', 'incarceration-status', 'language-access')),
	CONSTRAINT "service_gaps_cs_check" CHECK ("service_gaps"."community_support" is null or "service_gaps"."community_support" in ('housing_transition_navigation', 'housing_deposits', 'housing_tenancy_sustaining', 'short_term_post_hospitalization_housing', 'recuperative_care', 'day_habilitation', 'respite_services', 'alf_transitions', 'community_home_transition', 'personal_care_homemaker', 'environmental_accessibility_adaptations', 'medically_tailored_meals', 'sobering_centers', 'asthma_remediation', 'transitional_rent')),
	CONSTRAINT "service_gaps_subject_check" CHECK (("service_gaps"."category" is null) <> ("service_gaps"."community_support" is null)),
	CONSTRAINT "service_gaps_focus_check" CHECK ("service_gaps"."focus_population" is null or "service_gaps"."focus_population" in ('homelessness', 'justice_involvement', 'healthy_pregnancy', 'mental_health', 'substance_use', 'complex_health', 'other')),
	CONSTRAINT "service_gaps_severity_check" CHECK ("service_gaps"."severity" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "service_gaps_status_check" CHECK ("service_gaps"."status" in ('identified', 'escalated', 'in_progress', 'resolved', 'not_pursued')),
	CONSTRAINT "service_gaps_rationale_check" CHECK ("service_gaps"."status" <> 'not_pursued' or "service_gaps"."status_rationale" is not null)
);
--> statement-breakpoint
ALTER TABLE "service_gap_events" ADD CONSTRAINT "service_gap_events_gap_id_service_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."service_gaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_gap_events" ADD CONSTRAINT "service_gap_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_gaps" ADD CONSTRAINT "service_gaps_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_gaps" ADD CONSTRAINT "service_gaps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_gap_events_gap_idx" ON "service_gap_events" USING btree ("gap_id","at","id");--> statement-breakpoint
CREATE INDEX "service_gaps_recent_idx" ON "service_gaps" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "service_gaps_status_idx" ON "service_gaps" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "service_gaps_open_cell_idx" ON "service_gaps" USING btree ("spa","category","community_support") WHERE "service_gaps"."status" in ('identified', 'escalated', 'in_progress');--> statement-breakpoint
CREATE INDEX "referrals_sent_at_idx" ON "referrals" USING btree ("sent_at","receiving_service_id") WHERE "referrals"."sent_at" is not null;