-- Issue 22: the audit log, written on every PHI read, becomes range-partitioned by month on "at"
-- (docs/decisions/0004-audit-log-partitions.md). Every row, column, default and index meaning is
-- kept; the primary key becomes (id, at) because a partitioned table's key must hold the
-- partition key. Monthly partitions are named audit_log_pYYYY_MM (UTC months); a DEFAULT
-- partition catches anything outside them, so an insert never fails for want of a partition.
ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned";--> statement-breakpoint
ALTER TABLE "audit_log_unpartitioned" RENAME CONSTRAINT "audit_log_pkey" TO "audit_log_unpartitioned_pkey";--> statement-breakpoint
ALTER INDEX "audit_entity_idx" RENAME TO "audit_unpartitioned_entity_idx";--> statement-breakpoint
ALTER INDEX "audit_org_at_idx" RENAME TO "audit_unpartitioned_org_at_idx";--> statement-breakpoint
ALTER INDEX "audit_actor_at_idx" RENAME TO "audit_unpartitioned_actor_at_idx";--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"actor_org_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"organization_id" uuid,
	"request_id" text,
	"ip" "inet",
	"changes" jsonb,
	CONSTRAINT "audit_log_pkey" PRIMARY KEY("id","at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_org_at_idx" ON "audit_log" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE TABLE "audit_log_default" PARTITION OF "audit_log" DEFAULT;--> statement-breakpoint
-- Creates the monthly partitions from the month of "since" to "months_ahead" months after the
-- current one (UTC), skipping those that exist; returns how many it created. Rows the DEFAULT
-- partition caught for a month move into that month's new partition. The API calls it on start
-- and daily (modules/audit); it is cheap when nothing is missing. An advisory lock keeps two
-- replicas starting together from racing.
CREATE OR REPLACE FUNCTION tandem_audit_partitions(months_ahead integer DEFAULT 3, since timestamptz DEFAULT now())
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', since AT TIME ZONE 'UTC')::date;
  stop date := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => months_ahead))::date;
  part text;
  lo timestamptz;
  hi timestamptz;
  made integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('tandem_audit_partitions'));
  WHILE m <= stop LOOP
    part := 'audit_log_p' || to_char(m, 'YYYY_MM');
    IF to_regclass(part) IS NULL THEN
      lo := m::timestamp AT TIME ZONE 'UTC';
      hi := (m + interval '1 month')::timestamp AT TIME ZONE 'UTC';
      IF EXISTS (SELECT 1 FROM audit_log_default WHERE at >= lo AND at < hi) THEN
        -- PostgreSQL refuses a new partition whose rows sit in the DEFAULT one: move them first.
        EXECUTE format('CREATE TABLE %I (LIKE audit_log INCLUDING DEFAULTS)', part);
        EXECUTE format('WITH moved AS (DELETE FROM audit_log_default WHERE at >= %L AND at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', lo, hi, part);
        EXECUTE format('ALTER TABLE audit_log ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
      ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
      END IF;
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END
$$;--> statement-breakpoint
-- Partitions for the existing rows' months (at most the six retained years back) and three ahead.
SELECT tandem_audit_partitions(3, greatest(coalesce((SELECT min("at") FROM "audit_log_unpartitioned"), now()), now() - interval '6 years'));--> statement-breakpoint
INSERT INTO "audit_log" ("id", "at", "actor_user_id", "actor_api_key_id", "actor_org_id", "action", "entity_type", "entity_id", "organization_id", "request_id", "ip", "changes")
SELECT "id", "at", "actor_user_id", "actor_api_key_id", "actor_org_id", "action", "entity_type", "entity_id", "organization_id", "request_id", "ip", "changes" FROM "audit_log_unpartitioned";--> statement-breakpoint
DROP TABLE "audit_log_unpartitioned";
