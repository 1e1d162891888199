-- What each hit of a directory search shows, for the ids of one page, in the same statement that
-- picks the page (services/api/src/modules/directory/search.repo.ts). The page's SQL depends on
-- the filters and is planned with its values; this part is the same for every search, so it lives
-- in a PL/pgSQL function whose plan is cached per connection. Before, it was a second statement:
-- one more round trip per search, which cost ~25% of search throughput.
--
-- `ref` is the instant whose local date (in each service's time zone) gives today's hours; `lat`
-- and `lng` (or nulls) the origin for the nearest location, else the first location by name.
-- "Open now" is not here: the page computes it with the same rule as its "open at" filter.
CREATE FUNCTION tandem_search_cards(ids uuid[], ref timestamptz, lat float8, lng float8)
RETURNS TABLE (
  id uuid, name text, description text, status text, organization_id uuid, organization_name text,
  languages text[], categories text[], spas text[], capacity_status text, capacity_note text,
  capacity_confirmed_at text, local_date text, closed_reason text, hours json, location json
)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id, s.name, s.description, s.status, s.organization_id, o.name,
    s.languages, s.categories, s.spas, s.capacity_status, s.capacity_note,
    to_char(s.capacity_confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    to_char(t.local, 'YYYY-MM-DD'),
    CASE WHEN t.local::date = ANY (s.exception_dates) THEN (
      SELECT coalesce(x.reason, 'Closed') FROM schedule_exceptions x
      WHERE x.service_id = s.id AND x.date = t.local::date AND x.closed)
    END,
    CASE WHEN t.local::date = ANY (s.exception_dates) THEN (
        SELECT coalesce(json_agg(json_build_object('opensAt', to_char(x.opens_at, 'HH24:MI'), 'closesAt', to_char(x.closes_at, 'HH24:MI'))), '[]'::json)
        FROM schedule_exceptions x WHERE x.service_id = s.id AND x.date = t.local::date AND NOT x.closed)
      ELSE (
        SELECT coalesce(json_agg(json_build_object('opensAt', to_char(sc.opens_at, 'HH24:MI'), 'closesAt', to_char(sc.closes_at, 'HH24:MI')) ORDER BY sc.opens_at), '[]'::json)
        FROM schedules sc WHERE sc.service_id = s.id AND sc.weekday = extract(isodow FROM t.local)::int)
    END,
    (SELECT json_build_object('id', l.id, 'name', l.name, 'address1', l.address_1, 'city', l.city, 'spa', l.spa,
              'latitude', l.latitude, 'longitude', l.longitude,
              'distanceKm', round((sec_to_gc(cube_distance(ll_to_earth(lat, lng)::cube, l.earth_pt)) / 1000)::numeric, 2))
       FROM service_locations sl JOIN locations l ON l.id = sl.location_id
       WHERE sl.service_id = s.id
       ORDER BY cube_distance(ll_to_earth(lat, lng)::cube, l.earth_pt) ASC NULLS LAST, lower(l.name), l.id
       LIMIT 1)
  FROM services s
  JOIN organizations o ON o.id = s.organization_id
  CROSS JOIN LATERAL (SELECT ref AT TIME ZONE s.time_zone AS local) t
  WHERE s.id = ANY (ids);
END $$;
