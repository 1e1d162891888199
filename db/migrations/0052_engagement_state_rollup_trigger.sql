-- The State's quarterly roll-up, kept (issue 25; docs/reports-performance.md). The category map is
-- the contract's stateCategoryOf (packages/contract/src/engagement/reports.ts), verbatim; a test
-- (engagement.reports.test.ts) checks this function against it for every focus population.
CREATE OR REPLACE FUNCTION engagement_state_category(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  select case p
    when 'homelessness' then 'homelessness'
    when 'justice_involvement' then 'justice_involvement'
    when 'healthy_pregnancy' then 'healthy_pregnancy'
    when 'mental_health' then 'mental_health'
    when 'substance_use' then 'substance_use'
    when 'complex_health' then 'complex_health_conditions'
    else 'other' end
$$;--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) one live event: once in its month's total ('') and once in
-- each distinct category of its focus populations.
CREATE OR REPLACE FUNCTION engagement_state_rollup_apply(p_starts timestamptz, p_pops text[], p_attendees integer, p_sign integer) RETURNS void LANGUAGE sql AS $$
  insert into engagement_state_rollup (month, category, events, attendees)
  select to_char(p_starts at time zone 'America/Los_Angeles', 'YYYY-MM'), c.category, p_sign, p_sign * p_attendees
  from (select '' as category union select engagement_state_category(x) from unnest(p_pops) as x) c
  on conflict (month, category) do update
    set events = engagement_state_rollup.events + excluded.events, attendees = engagement_state_rollup.attendees + excluded.attendees
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION engagement_state_rollup_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    PERFORM engagement_state_rollup_apply(OLD.starts_at, OLD.focus_populations, OLD.attendee_count, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
    PERFORM engagement_state_rollup_apply(NEW.starts_at, NEW.focus_populations, NEW.attendee_count, 1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION engagement_state_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM engagement_state_rollup;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER engagement_state_rollup_row AFTER INSERT OR DELETE OR UPDATE OF starts_at, focus_populations, attendee_count, deleted_at ON engagement_events
  FOR EACH ROW EXECUTE FUNCTION engagement_state_rollup_row();--> statement-breakpoint
CREATE TRIGGER engagement_state_rollup_truncate AFTER TRUNCATE ON engagement_events
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_state_rollup_truncate();--> statement-breakpoint
-- The events already logged.
INSERT INTO engagement_state_rollup (month, category, events, attendees)
SELECT month, category, count(*)::int, sum(attendee_count)::int FROM (
  SELECT e.id, e.attendee_count, to_char(e.starts_at at time zone 'America/Los_Angeles', 'YYYY-MM') AS month, c.category
  FROM engagement_events e
  CROSS JOIN LATERAL (SELECT '' AS category UNION SELECT engagement_state_category(x) FROM unnest(e.focus_populations) AS x) c
  WHERE e.deleted_at IS NULL
) cells GROUP BY month, category;
