CREATE TABLE "service_cards" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"languages" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"spas" text[] NOT NULL,
	"capacity_status" text NOT NULL,
	"capacity_note" text,
	"capacity_confirmed_at" text,
	"organization_name" text NOT NULL,
	"locations" jsonb NOT NULL,
	"week" jsonb NOT NULL,
	"exceptions" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_cards" ADD CONSTRAINT "service_cards_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- What a directory search hit shows, kept per service by the statements that change it
-- (services/api/src/modules/directory/search.repo.ts, docs/directory-search.md): the page reads
-- one card per hit by primary key. Before, each page called tandem_search_cards (0011), which
-- joined organizations, locations and schedules and built JSON for every hit, about a third of
-- what PostgreSQL spent on a search; and joining the services row again cost a search in name
-- order ~1 ms of planning (services has ten indexes to consider).
-- Locations by lower(name), id (the search picks the nearest, or the first); the week as seven days
-- from ISO Monday; exceptions by date. A day is {closedReason, intervals [{opensAt, closesAt}]}.
--
-- Two writers at once (a capacity change and an organization rename) must not leave a card built
-- from a snapshot that missed the other's commit: the function first locks the services rows
-- (FOR SHARE, by id: a writer of the row holds a conflicting lock until it commits), and its
-- second statement, with a snapshot taken after the wait, builds the cards.
CREATE FUNCTION tandem_refresh_service_cards(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM services WHERE id = ANY (ids) ORDER BY id FOR SHARE;
  INSERT INTO service_cards (service_id, name, description, status, organization_id, languages, categories, spas,
    capacity_status, capacity_note, capacity_confirmed_at, organization_name, locations, week, exceptions)
  SELECT s.id, s.name, s.description, s.status, s.organization_id, s.languages, s.categories, s.spas,
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
    name = EXCLUDED.name, description = EXCLUDED.description, status = EXCLUDED.status,
    organization_id = EXCLUDED.organization_id, languages = EXCLUDED.languages,
    categories = EXCLUDED.categories, spas = EXCLUDED.spas, capacity_status = EXCLUDED.capacity_status,
    capacity_note = EXCLUDED.capacity_note, capacity_confirmed_at = EXCLUDED.capacity_confirmed_at,
    organization_name = EXCLUDED.organization_name, locations = EXCLUDED.locations,
    week = EXCLUDED.week, exceptions = EXCLUDED.exceptions
$$;
--> statement-breakpoint
-- A statement changed rows that belong to services (transition tables: once per statement, also
-- for COPY). Schedules and exceptions also feed the copies of the hours on services (0009): their
-- triggers keep their names and now call this function (renamed from tandem_hours_changed; a
-- trigger follows its function by OID), and service_locations gets the same three.
ALTER FUNCTION tandem_hours_changed() RENAME TO tandem_service_parts_changed;--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_service_parts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT DISTINCT service_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT DISTINCT service_id FROM old_rows);
  ELSE
    ids := array(SELECT service_id FROM new_rows UNION SELECT service_id FROM old_rows);
  END IF;
  IF TG_TABLE_NAME <> 'service_locations' THEN
    PERFORM tandem_refresh_service_hours(ids);
  END IF;
  PERFORM tandem_refresh_service_cards(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER service_locations_parts_insert AFTER INSERT ON service_locations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_service_parts_changed();--> statement-breakpoint
CREATE TRIGGER service_locations_parts_update AFTER UPDATE ON service_locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_service_parts_changed();--> statement-breakpoint
CREATE TRIGGER service_locations_parts_delete AFTER DELETE ON service_locations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_service_parts_changed();--> statement-breakpoint
-- New services (once per statement), and the rows whose change shows on cards: a service's shown
-- columns (its capacity too), an organization renamed, a location edited (row triggers with WHEN:
-- other updates, such as the copies of the hours on services, do not fire them at all).
CREATE FUNCTION tandem_services_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tandem_refresh_service_cards(array(SELECT id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_card_source_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'services' THEN
    PERFORM tandem_refresh_service_cards(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'organizations' THEN
    PERFORM tandem_refresh_service_cards(array(SELECT s.id FROM services s WHERE s.organization_id = NEW.id));
  ELSE
    PERFORM tandem_refresh_service_cards(array(SELECT sl.service_id FROM service_locations sl WHERE sl.location_id = NEW.id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER services_card_insert AFTER INSERT ON services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_services_inserted();--> statement-breakpoint
CREATE TRIGGER services_card_update AFTER UPDATE ON services FOR EACH ROW
  WHEN ((OLD.name, OLD.description, OLD.status, OLD.organization_id, OLD.languages, OLD.categories, OLD.spas,
         OLD.capacity_status, OLD.capacity_note, OLD.capacity_confirmed_at)
        IS DISTINCT FROM (NEW.name, NEW.description, NEW.status, NEW.organization_id, NEW.languages, NEW.categories, NEW.spas,
         NEW.capacity_status, NEW.capacity_note, NEW.capacity_confirmed_at))
  EXECUTE FUNCTION tandem_card_source_changed();--> statement-breakpoint
CREATE TRIGGER organizations_card_update AFTER UPDATE OF name ON organizations FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION tandem_card_source_changed();--> statement-breakpoint
CREATE TRIGGER locations_card_update AFTER UPDATE ON locations FOR EACH ROW
  WHEN ((OLD.name, OLD.address_1, OLD.city, OLD.spa, OLD.latitude, OLD.longitude) IS DISTINCT FROM (NEW.name, NEW.address_1, NEW.city, NEW.spa, NEW.latitude, NEW.longitude))
  EXECUTE FUNCTION tandem_card_source_changed();--> statement-breakpoint
DROP FUNCTION tandem_search_cards(uuid[], timestamptz, float8, float8);--> statement-breakpoint
SELECT tandem_refresh_service_cards(array(SELECT id FROM services));--> statement-breakpoint
ANALYZE service_cards;
