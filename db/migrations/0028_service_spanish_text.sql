-- Spanish name, description and eligibility of a service (issue 24): shown to Spanish users when
-- present, and words of the search document (same weights as the English texts).
ALTER TABLE "service_cards" ADD COLUMN "name_es" text;--> statement-breakpoint
ALTER TABLE "service_cards" ADD COLUMN "description_es" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "name_es" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "description_es" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "eligibility_es" text;--> statement-breakpoint
ALTER TABLE "services" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("name", '') || ' ' || coalesce("name_es", '')), 'A') || setweight(to_tsvector('english', coalesce("description", '') || ' ' || coalesce("description_es", '')), 'B') || setweight(to_tsvector('english', coalesce("eligibility", '') || ' ' || coalesce("eligibility_es", '')), 'C') || tandem_service_facets("categories", "languages", "spas", "focus_populations", "community_support")) STORED;--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search_vector");--> statement-breakpoint
-- The typo corrections also know the Spanish words.
CREATE OR REPLACE FUNCTION tandem_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM new_rows n, tandem_text_words(concat_ws(' ', n.name, n.name_es), concat_ws(' ', n.description, n.description_es), concat_ws(' ', n.eligibility, n.eligibility_es)) w
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM new_rows n JOIN old_rows o ON o.id = n.id, tandem_text_words(concat_ws(' ', n.name, n.name_es), concat_ws(' ', n.description, n.description_es), concat_ws(' ', n.eligibility, n.eligibility_es)) w
    WHERE (n.name, n.description, n.eligibility, n.name_es, n.description_es, n.eligibility_es) IS DISTINCT FROM (o.name, o.description, o.eligibility, o.name_es, o.description_es, o.eligibility_es)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A hit shows the Spanish name and description to Spanish users: the card copies them too.
CREATE OR REPLACE FUNCTION tandem_refresh_service_cards(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM services WHERE id = ANY (ids) ORDER BY id FOR SHARE;
  INSERT INTO service_cards (service_id, name, description, name_es, description_es, status, organization_id, languages, categories, spas,
    capacity_status, capacity_note, capacity_confirmed_at, organization_name, locations, week, exceptions)
  SELECT s.id, s.name, s.description, s.name_es, s.description_es, s.status, s.organization_id, s.languages, s.categories, s.spas,
    s.capacity_status, s.capacity_note,
    to_char(s.capacity_confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    o.name,
    coalesce((
      SELECT jsonb_agg(jsonb_build_object('id', l.id, 'name', l.name, 'address1', l.address_1, 'city', l.city, 'spa', l.spa,
               'latitude', l.latitude, 'longitude', l.longitude) ORDER BY lower(l.name), l.id)
      FROM service_locations sl JOIN locations l ON l.id = sl.location_id
      WHERE sl.service_id = s.id), '[]'),
    (SELECT jsonb_agg(jsonb_build_object('closedReason', NULL, 'intervals', coalesce((
         SELECT jsonb_agg(jsonb_build_object('opensAt', to_char(sc.opens_at, 'HH24:MI'), 'closesAt', to_char(sc.closes_at, 'HH24:MI')) ORDER BY sc.opens_at)
         FROM schedules sc WHERE sc.service_id = s.id AND sc.weekday = d), '[]')) ORDER BY d)
     FROM generate_series(1, 7) d),
    coalesce((
      SELECT jsonb_object_agg(to_char(x.date, 'YYYY-MM-DD'), CASE
        WHEN x.closed THEN jsonb_build_object('closedReason', coalesce(x.reason, 'Closed'), 'intervals', '[]'::jsonb)
        ELSE jsonb_build_object('closedReason', NULL, 'intervals',
          jsonb_build_array(jsonb_build_object('opensAt', to_char(x.opens_at, 'HH24:MI'), 'closesAt', to_char(x.closes_at, 'HH24:MI'))))
        END)
      FROM schedule_exceptions x WHERE x.service_id = s.id), '{}')
  FROM services s JOIN organizations o ON o.id = s.organization_id
  WHERE s.id = ANY (ids)
  ON CONFLICT (service_id) DO UPDATE SET
    name = EXCLUDED.name, description = EXCLUDED.description, name_es = EXCLUDED.name_es,
    description_es = EXCLUDED.description_es, status = EXCLUDED.status,
    organization_id = EXCLUDED.organization_id, languages = EXCLUDED.languages,
    categories = EXCLUDED.categories, spas = EXCLUDED.spas, capacity_status = EXCLUDED.capacity_status,
    capacity_note = EXCLUDED.capacity_note, capacity_confirmed_at = EXCLUDED.capacity_confirmed_at,
    organization_name = EXCLUDED.organization_name, locations = EXCLUDED.locations,
    week = EXCLUDED.week, exceptions = EXCLUDED.exceptions
$$;
--> statement-breakpoint
DROP TRIGGER services_card_update ON services;--> statement-breakpoint
CREATE TRIGGER services_card_update AFTER UPDATE ON services FOR EACH ROW
  WHEN ((OLD.name, OLD.description, OLD.name_es, OLD.description_es, OLD.status, OLD.organization_id, OLD.languages, OLD.categories, OLD.spas,
         OLD.capacity_status, OLD.capacity_note, OLD.capacity_confirmed_at)
        IS DISTINCT FROM (NEW.name, NEW.description, NEW.name_es, NEW.description_es, NEW.status, NEW.organization_id, NEW.languages, NEW.categories, NEW.spas,
         NEW.capacity_status, NEW.capacity_note, NEW.capacity_confirmed_at))
  EXECUTE FUNCTION tandem_card_source_changed();
