ALTER TABLE "services" ADD COLUMN "site_pts" "cube"[] DEFAULT '{}'::cube[] NOT NULL;--> statement-breakpoint
-- services.site_pts: the earth points of a service's located sites, by location id. A distance
-- search whose candidates come from filter values (or text with a radius) measures each candidate
-- from this copy on the row it already reads, instead of probing service_locations and locations
-- for each one (docs/directory-search.md; bench data, "sobering centers within 30 km": the
-- candidates' distances 3.1-3.9 ms -> 1.5-1.8 ms). Only rows whose points change are written.
CREATE FUNCTION tandem_refresh_service_sites(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE services s SET site_pts = pts.v
  FROM (
    SELECT sv.id, array(
      SELECT l.earth_pt FROM service_locations sl JOIN locations l ON l.id = sl.location_id
      WHERE sl.service_id = sv.id AND l.earth_pt IS NOT NULL ORDER BY l.id) AS v
    FROM services sv WHERE sv.id = ANY (ids)
  ) pts
  WHERE s.id = pts.id AND s.site_pts IS DISTINCT FROM pts.v
$$;
--> statement-breakpoint
-- A statement changed rows that belong to services (0012): service_locations now also feeds the
-- sites' copy; schedules and exceptions the hours' copies, as before. The triggers follow the
-- function by OID, so replacing it keeps them.
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
  IF TG_TABLE_NAME = 'service_locations' THEN
    PERFORM tandem_refresh_service_sites(ids);
  ELSE
    PERFORM tandem_refresh_service_hours(ids);
  END IF;
  PERFORM tandem_refresh_service_cards(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A row whose change shows on cards (0012). An edited location (its coordinates among the watched
-- columns) also rewrites the sites' copy of the services held there.
CREATE OR REPLACE FUNCTION tandem_card_source_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'services' THEN
    PERFORM tandem_refresh_service_cards(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'organizations' THEN
    PERFORM tandem_refresh_service_cards(array(SELECT s.id FROM services s WHERE s.organization_id = NEW.id));
  ELSE
    ids := array(SELECT sl.service_id FROM service_locations sl WHERE sl.location_id = NEW.id);
    PERFORM tandem_refresh_service_sites(ids);
    PERFORM tandem_refresh_service_cards(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
SELECT tandem_refresh_service_sites(array(SELECT id FROM services));--> statement-breakpoint
ANALYZE services;
