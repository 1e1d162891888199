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

export type SearchRow = {
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
};

/**
 * The filter values a hit must have, as a tsquery over the lexemes tandem_service_facets puts in
 * the search document ('spa:spa6' & 'language:es'), or null without such filters. The values are
 * the contract's enums; quotes and backslashes are escaped all the same.
 */
export const facetQuery = (f: Pick<SearchFilters, 'category' | 'language' | 'spa' | 'focusPopulation' | 'communitySupport'>): string | null => {
  const keys = [
    f.category && `category:${f.category}`,
    f.language && `language:${f.language}`,
    f.spa && `spa:${f.spa}`,
    f.focusPopulation && `focus:${f.focusPopulation}`,
    f.communitySupport && `community_support:${f.communitySupport}`,
  ].filter((k): k is string => typeof k === 'string');
  return keys.length ? keys.map((k) => `'${k.replace(/['\\]/g, (c) => c + c)}'`).join(' & ') : null;
};

/**
 * Whether the service `s` (a services row) is open at the local timestamp `ts`, from the row alone
 * unless that date has an exception: the weekly hours are in `open_hours` (seconds of the ISO week,
 * kept by triggers from schedules, migration 0009), and `exception_dates` says when the
 * exception decides instead (unique index schedule_exceptions_service_date_key).
 */
const openAt = (s: SQL, ts: SQL) => sql`(
  case
    when (${ts})::date = any(${s}.exception_dates) then exists (
      select 1 from schedule_exceptions x where x.service_id = ${s}.id and x.date = (${ts})::date
        and not x.closed and (${ts})::time >= x.opens_at and (${ts})::time < x.closes_at)
    else ${s}.open_hours @> ((extract(isodow from ${ts})::int - 1) * 86400 + floor(extract(epoch from (${ts})::time)))::int
  end)`;
const when = (cond: unknown, frag: SQL) => (cond ? frag : sql``);

/**
 * One statement per page of directory search. The plan it is written for (docs/directory-search.md):
 *
 * Unnamed, planned with its values (~0.15 ms): the choice between a GIN scan and the name walk
 * depends on how many services a filter value holds.
 *  p        one row of parameters, materialized: the reference instant, the tsquery of the text
 *           (tandem_search_query: typos corrected from search_words), the origin, the radius.
 *  nearby   (with near) each service's closest location as a chord length. Ordered by distance
 *           (near without text), a first try reads only the nearest (limit + 1) × 1.5 locations
 *           (× 4 with filters: knnLocationsFor)
 *           (near_locations: KNN `earth_pt <-> origin` on locations_earth_pt_idx, then the radius
 *           check); a service whose nearest site is closer than the farthest location read has its
 *           exact distance, any other is at least that far. The page is certain when it fills, or
 *           when the walk went past the radius or read every location; otherwise (selective
 *           filters, deep pages) the first try answers no rows and the page is asked again over
 *           every location inside earth_box(origin, r) (GiST bitmap on the same index), grouped per
 *           service.
 *  base     only ids and sort inputs of the services that pass the filters. With text: text and
 *           filter values in ONE GIN scan of services_search_idx (`search_vector @@ tsq && 'spa:spa6'
 *           & 'language:es'`). Without: the filter values alone (`facets @@ 'spa:spa6'`), either by
 *           walking services_name_order_idx in name order as an index-only scan (it carries every
 *           column read here), or by services_facets_idx when the values are rare. Capacity, age,
 *           status and "open at" on the same row, "open" from its own copy of its hours
 *           (open_hours, exception_dates).
 *  page     the sort key: -ts_rank_cd, distance km, or lower(name); then the keyset filter
 *           `(sort_key, id) > cursor`, ORDER BY sort_key, id, LIMIT n+1 (top-N heapsort).
 *  cards    tandem_search_cards(ids of the page) (migration 0011, PL/pgSQL: its plan is cached per
 *           connection): what each hit shows, by primary key.
 */
export const searchServices = async (db: DbOrTx, f: SearchFilters): Promise<SearchRow[]> => {
  // One instant for the page's "open" filter and the hits' hours.
  const ref = (f.at ?? new Date()).toISOString();
  if (searchMode(f) === 'distance') {
    // No rows: the nearest-first walk could not be sure of the page (or found nothing).
    const first = await pageOf(db, f, ref, true);
    if (first.length > 0) return first;
  }
  return pageOf(db, f, ref, false);
};

/**
 * Nearest locations the first try reads, for a page of n + 1 rows. A location holds one to a few
 * services; with no filter only inactive services drop out, so 1.5 per row fills the page. Filters
 * drop most services near any point, so 4 per row. A first try that reads too few only costs the
 * second statement.
 */
const knnLocationsFor = (f: SearchFilters): number => {
  const filtered = facetQuery(f) !== null || f.age !== undefined || f.onlyOpen || f.accepting !== undefined;
  return Math.ceil((f.limit + 1) * (filtered ? 4 : 1.5));
};

/** One page (n + 1 hits), in order; with `knn`, no rows unless the nearest-first walk is sure of them. */
const pageOf = async (db: DbOrTx, f: SearchFilters, refIso: string, knn: boolean): Promise<SearchRow[]> => {
  const mode = searchMode(f);
  const knnLocations = knnLocationsFor(f);
  const ref = sql`${refIso}`;
  const origin = f.near ? sql`ll_to_earth(${f.near.lat}::float8, ${f.near.lng}::float8)` : sql`null::earth`;
  const radiusM = f.radiusKm !== undefined ? f.radiusKm * 1000 : undefined;
  const sortKey =
    mode === 'rank' ? sql`(-b.rank)::float8` : mode === 'distance' ? sql`coalesce(sec_to_gc(b.near_chord) / 1000, 1e9)::float8` : sql`b.lname`;
  const inRadius = radiusM !== undefined ? sql`and earth_box(p.origin, ${radiusM}::float8) @> l.earth_pt and cube_distance(p.oc, l.earth_pt) <= p.chord` : sql``;
  const facets = facetQuery(f);
  // Text and filter values in one GIN scan of services_search_idx (the tsquery of the text comes
  // from p, the filter values are a constant the planner can estimate).
  const document = f.q
    ? sql`and s.search_vector @@ ${facets ? sql`(p.tsq && ${facets}::tsquery)` : sql`p.tsq`}`
    : facets
      ? sql`and s.facets @@ ${facets}::tsquery`
      : sql``;
  const filters = sql`
        ${document}
        ${when(f.age !== undefined, sql`and (s.min_age is null or s.min_age <= ${f.age ?? 0}) and (s.max_age is null or s.max_age >= ${f.age ?? 0})`)}
        ${when(f.accepting === true, sql`and s.capacity_status = 'accepting'`)}
        ${when(f.accepting === false, sql`and s.capacity_status <> 'accepting'`)}
        ${when(f.onlyOpen, sql`and ${openAt(sql`s`, sql`(p.ref at time zone s.time_zone)`)}`)}`;
  const cursor = f.after
    ? mode === 'name'
      ? sql`and (r.sort_key, r.id) > (${String(f.after[0])}::text, ${f.after[1]}::uuid)`
      : sql`and (r.sort_key, r.id) > (${Number(f.after[0])}::float8, ${f.after[1]}::uuid)`
    : sql``;

  const query = sql`
    -- Materialized: referenced once, p would be inlined and tandem_search_query run per row.
    with p as materialized (
      select ${ref}::timestamptz as ref,
             ${f.q ? sql`tandem_search_query(${f.q})` : sql`null::tsquery`} as tsq,
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
      where l.earth_pt is not null
      order by l.earth_pt <-> (${origin})::cube
      limit ${knnLocations}
    ),
    knn_stats as (select count(*) as n, max(chord) as edge from near_locations),
    nearby as (
      select sl.service_id, min(nl.chord) as chord
      from near_locations nl
      join service_locations sl on sl.location_id = nl.id
      cross join knn_stats st
      cross join p
      where ${radiusM !== undefined ? sql`nl.chord <= p.chord` : sql`true`}
      group by sl.service_id, st.n, st.edge
      having st.n < ${knnLocations} or min(nl.chord) < st.edge
    ),`)}
    base as (
      select s.id, s.time_zone, s.open_hours, s.exception_dates,
             ${f.q ? sql`ts_rank_cd(s.search_vector, p.tsq)::float8` : sql`null::float8`} as rank,
             ${f.near ? sql`nb.chord` : sql`null::float8`} as near_chord,
             ${mode === 'name' ? sql`lower(s.name)` : sql`null::text`} as lname
      from services s
      cross join p
      ${when(f.near, sql`${radiusM !== undefined || knn ? sql`join` : sql`left join`} nearby nb on nb.service_id = s.id`)}
      where s.status <> 'inactive'
        ${filters}
    ),
    ranked as (
      select b.id, b.rank, b.time_zone, b.open_hours, b.exception_dates, ${sortKey} as sort_key from base b
    ),
    page as (
      select r.* from ranked r
      where true ${cursor}
      order by r.sort_key, r.id
      limit ${f.limit + 1}
    )${when(knn, sql`,
    sure as (
      select (select count(*) from page) = ${f.limit + 1}
          or not (st.n >= ${knnLocations} and (p.chord is null or st.edge <= p.chord)) as ok
      from knn_stats st, p
    )`)}
    select c.*, pg.rank, pg.sort_key, ${openAt(sql`pg`, sql`(${ref}::timestamptz at time zone pg.time_zone)`)} as open_now
    from page pg
    join tandem_search_cards((select array_agg(id) from page ${when(knn, sql`where (select ok from sure)`)}),
                             ${ref}::timestamptz, ${f.near?.lat ?? null}::float8, ${f.near?.lng ?? null}::float8) c on c.id = pg.id
    order by pg.sort_key, pg.id`;
  return (await db.execute<SearchRow>(query)).rows;
};
