import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@tandem/db';

export interface SearchFilters {
  q?: string;
  category?: string;
  communitySupport?: string;
  spa?: string;
  focusPopulation?: string;
  language?: string;
  age?: number;
  /** Instant used for "open" and for today's hours; null = now(). */
  at: Date | null;
  onlyOpen: boolean;
  accepting?: boolean;
  near?: { lat: number; lng: number };
  radiusKm?: number;
  limit: number;
  /** Keyset position: the sort key and id of the last hit of the previous page. */
  after?: [string | number, string];
}

export type SearchMode = 'rank' | 'distance' | 'name';
export const searchMode = (f: Pick<SearchFilters, 'q' | 'near'>): SearchMode => (f.q ? 'rank' : f.near ? 'distance' : 'name');

export interface SearchRow {
  id: string;
  name: string;
  description: string | null;
  status: string;
  organization_id: string;
  organization_name: string;
  languages: string[];
  categories: string[];
  spas: string[];
  capacity_status: string;
  capacity_note: string | null;
  /** ISO 8601 UTC (formatted in SQL: drizzle hands raw timestamps back as PostgreSQL text). */
  capacity_confirmed_at: string | null;
  rank: number | null;
  open_now: boolean;
  local_date: string;
  location: { id: string; name: string; address1: string; city: string; spa: string | null; latitude: number | null; longitude: number | null; distanceKm: number | null } | null;
  hours: { opensAt: string; closesAt: string }[];
  closed_reason: string | null;
  sort_key: string | number;
  /** The nearest-first walk stopped at its limit (only the distance order's first try sets it). */
  knn_saturated: boolean;
}

const arr = (v: string) => sql`array[${v}]::text[]`;

/**
 * Whether the service is open at the local timestamp `ts`: that date's exception decides when
 * there is one (unique index schedule_exceptions_service_date_key), else the weekly intervals of
 * that weekday (schedules_service_idx on (service_id, weekday)).
 */
const openAt = (serviceId: SQL, ts: SQL) => sql`(
  case
    when exists (select 1 from schedule_exceptions x where x.service_id = ${serviceId} and x.date = (${ts})::date) then exists (
      select 1 from schedule_exceptions x where x.service_id = ${serviceId} and x.date = (${ts})::date
        and not x.closed and (${ts})::time >= x.opens_at and (${ts})::time < x.closes_at)
    else exists (
      select 1 from schedules sc where sc.service_id = ${serviceId} and sc.weekday = extract(isodow from ${ts})::int
        and (${ts})::time >= sc.opens_at and (${ts})::time < sc.closes_at)
  end)`;
const when = (cond: unknown, frag: SQL) => (cond ? frag : sql``);

/**
 * One statement per page of directory search. The plan it is written for (docs/directory-search.md):
 *
 *  p        one row of parameters: the reference instant, the tsquery, the origin point.
 *  nearby   (with near) each service's closest location as a chord length; with radiusKm only locations
 *           inside earth_box(origin, r) — a GiST index scan
 *           on locations_earth_pt_idx over the stored earth_pt — re-checked with the chord length
 *           (cube_distance <= gc_to_sec(r)), grouped per service.
 *           Ordered by distance (near without text), a first try reads only the nearest
 *           (limit + 1) × 4 locations (near_locations: KNN `earth_pt <-> origin` on the same GiST
 *           index, or the radius box sorted); a service whose nearest site is closer than the
 *           farthest location read has its exact distance, any other is at least that far. The
 *           page is certain when it fills, or when the radius held fewer locations than were
 *           read; otherwise (selective filters, deep pages) the statement runs again over every
 *           location. A dense 5 km downtown: ~35 ms → ~8 ms.
 *  base     narrow: only ids and sort inputs of the services that pass the filters — array
 *           filters (GIN: services_categories/languages/spas_idx, bitmap-ANDed when several are
 *           given), text (GIN services_search_idx for `search_vector @@ tsq`, OR GIN
 *           services_name_trgm_idx for `q <% lower(name)`, a BitmapOr), capacity/age/status
 *           (filters on the heap rows). "Open now/at" is computed here only when it filters.
 *  ranked   the sort key: -rank, distance km (from nearby's min chord per service), or lower(name).
 *           Without text or a point the order is lower(name), id: services_name_order_idx.
 *  page     keyset filter `(sort_key, id) > cursor`, ORDER BY sort_key, id, LIMIT n+1 — a top-N
 *           heapsort over the matches.
 *  wide     for only the n+1 rows of the page: the service's columns (pkey), organization name,
 *           local time (`at time zone services.time_zone`), that date's exception (unique index
 *           schedule_exceptions_service_date_key) and "open" (exception, else the weekday's
 *           intervals on schedules_service_idx). Widening every match before the sort cost
 *           ~35 ms for a 5 km radius downtown (4,700 services).
 *  outer    the nearest (or first by name) location via a LATERAL on service_locations_pair_key,
 *           and today's hours.
 *
 * No statement per hit: organization name, location and hours come back in the same rows.
 */
export const searchServices = async (db: DbOrTx, f: SearchFilters): Promise<SearchRow[]> => {
  if (searchMode(f) === 'distance') {
    const rows = await run(db, f, true);
    // Sure of the page when it is full, or when the walk saw every candidate inside the radius.
    const walkedAll = f.radiusKm !== undefined && rows.length > 0 && !rows[0]!.knn_saturated;
    if (rows.length === f.limit + 1 || walkedAll) return rows;
  }
  return run(db, f, false);
};

/** Nearest locations read per page row on the first try (a location holds ~3 services; filters drop some). */
const KNN_LOCATIONS_PER_ROW = 4;

const run = async (db: DbOrTx, f: SearchFilters, knn: boolean): Promise<SearchRow[]> => {
  const mode = searchMode(f);
  const knnLocations = (f.limit + 1) * KNN_LOCATIONS_PER_ROW;
  const ref = f.at ? sql`${f.at.toISOString()}::timestamptz` : sql`now()`;
  const origin = f.near ? sql`ll_to_earth(${f.near.lat}::float8, ${f.near.lng}::float8)` : sql`null::earth`;
  const radiusM = f.radiusKm !== undefined ? f.radiusKm * 1000 : undefined;
  const sortKey =
    mode === 'rank' ? sql`(-b.rank)::float8` : mode === 'distance' ? sql`coalesce(sec_to_gc(b.near_chord) / 1000, 1e9)::float8` : sql`b.lname`;
  const inRadius = radiusM !== undefined ? sql`and earth_box(p.origin, ${radiusM}::float8) @> l.earth_pt and cube_distance(p.oc, l.earth_pt) <= p.chord` : sql``;
  const filters = sql`
        ${when(f.q, sql`and (s.search_vector @@ p.tsq or p.lq <% lower(s.name))`)}
        ${when(f.category, sql`and s.categories @> ${arr(f.category ?? '')}`)}
        ${when(f.language, sql`and s.languages @> ${arr(f.language ?? '')}`)}
        ${when(f.spa, sql`and s.spas @> ${arr(f.spa ?? '')}`)}
        ${when(f.focusPopulation, sql`and s.focus_populations @> ${arr(f.focusPopulation ?? '')}`)}
        ${when(f.communitySupport, sql`and s.community_support = ${f.communitySupport ?? ''}`)}
        ${when(f.age !== undefined, sql`and (s.min_age is null or s.min_age <= ${f.age ?? 0}) and (s.max_age is null or s.max_age >= ${f.age ?? 0})`)}
        ${when(f.accepting === true, sql`and s.capacity_status = 'accepting'`)}
        ${when(f.accepting === false, sql`and s.capacity_status <> 'accepting'`)}
        ${when(f.onlyOpen, sql`and ${openAt(sql`s.id`, sql`(p.ref at time zone s.time_zone)`)}`)}`;
  const cursor = f.after
    ? mode === 'name'
      ? sql`and (r.sort_key, r.id) > (${String(f.after[0])}::text, ${f.after[1]}::uuid)`
      : sql`and (r.sort_key, r.id) > (${Number(f.after[0])}::float8, ${f.after[1]}::uuid)`
    : sql``;

  const query = sql`
    with p as (
      select ${ref} as ref,
             ${f.q ? sql`websearch_to_tsquery('english', ${f.q})` : sql`null::tsquery`} as tsq,
             lower(${f.q ?? ''}::text) as lq,
             ${origin} as origin,
             (${origin})::cube as oc,
             ${radiusM !== undefined ? sql`gc_to_sec(${radiusM}::float8)` : sql`null::float8`} as chord
    ),
    ${when(f.near && !knn, sql`nearby as (
      select sl.service_id, min(cube_distance(p.oc, l.earth_pt)) as chord
      from p, locations l join service_locations sl on sl.location_id = l.id
      where l.earth_pt is not null ${inRadius}
      group by sl.service_id
    ),`)}
    ${when(knn, sql`near_locations as (
      select l.id, cube_distance(p.oc, l.earth_pt) as chord
      from p, locations l
      where l.earth_pt is not null ${inRadius}
      order by l.earth_pt <-> p.oc
      limit ${knnLocations}
    ),
    knn_stats as (select count(*) as n, max(chord) as edge from near_locations),
    nearby as (
      select sl.service_id, min(nl.chord) as chord
      from near_locations nl
      join service_locations sl on sl.location_id = nl.id
      cross join knn_stats st
      group by sl.service_id, st.n, st.edge
      having st.n < ${knnLocations} or min(nl.chord) < st.edge
    ),`)}
    base as (
      select s.id,
             ${f.q ? sql`(ts_rank_cd(s.search_vector, p.tsq) + word_similarity(p.lq, lower(s.name)))::float8` : sql`null::float8`} as rank,
             ${f.near ? sql`nb.chord` : sql`null::float8`} as near_chord,
             ${mode === 'name' ? sql`lower(s.name)` : sql`null::text`} as lname
      from services s
      cross join p
      ${when(f.near, sql`${radiusM !== undefined || knn ? sql`join` : sql`left join`} nearby nb on nb.service_id = s.id`)}
      where s.status <> 'inactive'
        ${filters}
    ),
    ranked as (
      select b.*, ${sortKey} as sort_key from base b
    ),
    page as (
      select r.* from ranked r
      where true ${cursor}
      order by r.sort_key, r.id
      limit ${f.limit + 1}
    ),
    -- Only the page's rows are widened: the service's columns, its organization, its local time,
    -- that date's exception and whether it is open (filtering on open already happened in base).
    wide as (
      select s.id, s.name, s.description, s.status, s.organization_id, o.name as organization_name,
             s.languages, s.categories, s.spas, s.capacity_status, s.capacity_note, s.capacity_confirmed_at,
             pg.rank, pg.sort_key, lt.ts as local_ts, ex.closed as ex_closed, ex.reason as ex_reason, ex.service_id is not null as has_ex,
             ${openAt(sql`s.id`, sql`lt.ts`)} as open_now
      from page pg
      join services s on s.id = pg.id
      join organizations o on o.id = s.organization_id
      cross join p
      cross join lateral (select (p.ref at time zone s.time_zone) as ts) lt
      left join schedule_exceptions ex on ex.service_id = s.id and ex.date = lt.ts::date
    )
    select pg.id, pg.name, pg.description, pg.status, pg.organization_id, pg.organization_name, pg.languages, pg.categories, pg.spas,
           pg.capacity_status, pg.capacity_note, pg.rank,
           to_char(pg.capacity_confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as capacity_confirmed_at, pg.open_now, pg.sort_key,
           case when loc.id is null then null else json_build_object(
             'id', loc.id, 'name', loc.name, 'address1', loc.address_1, 'city', loc.city, 'spa', loc.spa,
             'latitude', loc.latitude, 'longitude', loc.longitude, 'distanceKm', round(loc.distance_km::numeric, 2)) end as location,
           to_char(pg.local_ts, 'YYYY-MM-DD') as local_date,
           ${knn ? sql`(select n >= ${knnLocations} from knn_stats)` : sql`false`} as knn_saturated,
           case when pg.has_ex and pg.ex_closed then coalesce(pg.ex_reason, 'Closed') end as closed_reason,
           case
             when pg.has_ex then (
               select coalesce(json_agg(json_build_object('opensAt', to_char(ex.opens_at, 'HH24:MI'), 'closesAt', to_char(ex.closes_at, 'HH24:MI'))), '[]'::json)
               from schedule_exceptions ex where ex.service_id = pg.id and ex.date = pg.local_ts::date and not ex.closed)
             else (
               select coalesce(json_agg(json_build_object('opensAt', to_char(sc.opens_at, 'HH24:MI'), 'closesAt', to_char(sc.closes_at, 'HH24:MI')) order by sc.opens_at), '[]'::json)
               from schedules sc where sc.service_id = pg.id and sc.weekday = extract(isodow from pg.local_ts)::int)
           end as hours
    from wide pg
    left join lateral (
      select l.id, l.name, l.address_1, l.city, l.spa, l.latitude, l.longitude,
             sec_to_gc(cube_distance((select oc from p), l.earth_pt)) / 1000 as distance_km
      from service_locations sl join locations l on l.id = sl.location_id
      where sl.service_id = pg.id
      order by distance_km asc nulls last, lower(l.name), l.id
      limit 1
    ) loc on true
    order by pg.sort_key, pg.id`;
  const res = await db.execute<Record<string, unknown>>(query);
  return res.rows as unknown as SearchRow[];
};
