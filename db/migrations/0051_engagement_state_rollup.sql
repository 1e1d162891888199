CREATE TABLE "engagement_state_rollup" (
	"month" text NOT NULL,
	"category" text NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "engagement_state_rollup_month_category_pk" PRIMARY KEY("month","category")
);
