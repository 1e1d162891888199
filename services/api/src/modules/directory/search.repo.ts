import { eq, sql, type SQL } from 'drizzle-orm';
import { reuse, schema, type DbOrTx } from '@tandem/db';

const { services, organizations } = schema;

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
}

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

type PageRow = {
  id: string;
  rank: number | null;
  sort_key: string | number;
  /** The nearest-first walk stopped at its limit inside the radius (only the distance order's first try sets it). */
  knn_saturated: boolean;
};
type WideRow = Omit<SearchRow, 'rank' | 'sort_key'>;

const P = (name: string) => sql.placeholder(name);
/** The reference instant in the service's own time zone. */
const localTs = sql`(${P('ref')}::timestamptz at time zone ${services.timeZone})`;
const originOf = sql`ll_to_earth(${P('lat')}::float8, ${P('lng')}::float8)::cube`;
const hhmm = (t: string) => sql.raw(`to_char(${t}, 'HH24:MI')`);

/**
 * What a hit shows, for the ids of one page, in one named statement (prepared once per
 * connection; by primary key, so its generic plan is always the right one). Organization by
 * organizations_pkey; that date's exception and today's intervals by
 * schedule_exceptions_service_date_key and schedules_service_idx; the nearest location to the
 * origin (else the first by name) by service_locations_pair_key.
 */
const widen = (db: DbOrTx) =>
  reuse(db, 'directory.search.wide', () =>
    db
      .select({
        id: services.id,
        name: services.name,
        description: services.description,
        status: services.status,
        organization_id: services.organizationId,
        organization_name: organizations.name,
        languages: services.languages,
        categories: services.categories,
        spas: services.spas,
        capacity_status: services.capacityStatus,
        capacity_note: services.capacityNote,
        capacity_confirmed_at: sql<string | null>`to_char(${services.capacityConfirmedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        open_now: sql<boolean>`${openAt(sql`${services}`, localTs)}`,
        local_date: sql<string>`to_char(${localTs}, 'YYYY-MM-DD')`,
        closed_reason: sql<string | null>`case when ${localTs}::date = any(${services.exceptionDates}) then (
          select coalesce(x.reason, 'Closed') from schedule_exceptions x
          where x.service_id = ${services.id} and x.date = ${localTs}::date and x.closed) end`,
        hours: sql<SearchRow['hours']>`case
          when ${localTs}::date = any(${services.exceptionDates}) then (
            select coalesce(json_agg(json_build_object('opensAt', ${hhmm('x.opens_at')}, 'closesAt', ${hhmm('x.closes_at')})), '[]'::json)
            from schedule_exceptions x where x.service_id = ${services.id} and x.date = ${localTs}::date and not x.closed)
          else (
            select coalesce(json_agg(json_build_object('opensAt', ${hhmm('sc.opens_at')}, 'closesAt', ${hhmm('sc.closes_at')}) order by sc.opens_at), '[]'::json)
            from schedules sc where sc.service_id = ${services.id} and sc.weekday = extract(isodow from ${localTs})::int)
          end`,
        location: sql<SearchRow['location']>`(
          select json_build_object('id', l.id, 'name', l.name, 'address1', l.address_1, 'city', l.city, 'spa', l.spa,
                   'latitude', l.latitude, 'longitude', l.longitude,
                   'distanceKm', round((sec_to_gc(cube_distance(${originOf}, l.earth_pt)) / 1000)::numeric, 2))
          from service_locations sl join locations l on l.id = sl.location_id
          where sl.service_id = ${services.id}
          order by cube_distance(${originOf}, l.earth_pt) asc nulls last, lower(l.name), l.id
          limit 1)`,
      })
      .from(services)
      .innerJoin(organizations, eq(organizations.id, services.organizationId))
      .where(sql`${services.id} = any(${P('ids')}::uuid[])`)
      .prepare('directory_search_wide'),
  );

/**
 * Two statements per page of directory search. The plan they are written for (docs/directory-search.md):
 *
 * Page (unnamed: planned with its values, ~0.15 ms; the choice between a GIN scan and the name
 * walk depends on how many services a filter value holds):
 *  p        one row of parameters, materialized: the reference instant, the tsquery of the text
 *           (tandem_search_query: typos corrected from search_words), the origin, the radius.
 *  nearby   (with near) each service's closest location as a chord length. Ordered by distance
 *           (near without text), a first try reads only the nearest (limit + 1) × 4 locations
 *           (near_locations: KNN `earth_pt <-> origin` on locations_earth_pt_idx, then the radius
 *           check); a service whose nearest site is closer than the farthest location read has its
 *           exact distance, any other is at least that far. The page is certain when it fills, or
 *           when the walk went past the radius or read every location; otherwise (selective
 *           filters, deep pages) the page is asked again over every location inside
 *           earth_box(origin, r) (GiST bitmap on the same index), grouped per service.
 *  base     only ids and sort inputs of the services that pass the filters. With text: text and
 *           filter values in ONE GIN scan of services_search_idx (`search_vector @@ tsq && 'spa:spa6'
 *           & 'language:es'`). Without: the filter values alone (`facets @@ 'spa:spa6'`), either by
 *           walking services_name_order_idx in name order as an index-only scan (it carries every
 *           column read here), or by services_facets_idx when the values are rare. Capacity, age,
 *           status and "open at" on the same row, "open" from its own copy of its hours
 *           (open_hours, exception_dates).
 *  ranked   the sort key: -ts_rank_cd, distance km, or lower(name); then the keyset filter
 *           `(sort_key, id) > cursor`, ORDER BY sort_key, id, LIMIT n+1 (top-N heapsort).
 *
 * Widen (named, by primary key: see `widen`): what each of those n+1 hits shows.
 */
export const searchServices = async (db: DbOrTx, f: SearchFilters): Promise<SearchRow[]> => {
  // One instant for both statements (the page's "open" filter and the hits' hours).
  const ref = (f.at ?? new Date()).toISOString();
  let page: PageRow[] | undefined;
  if (searchMode(f) === 'distance') {
    const first = await pageOf(db, f, ref, true);
    // Sure of the page when it is full, or when the walk saw every location (inside the radius).
    if (first.length === f.limit + 1 || (first.length > 0 && !first[0]!.knn_saturated)) page = first;
  }
  page ??= await pageOf(db, f, ref, false);
  if (page.length === 0) return [];
  const wide = (await widen(db).execute({ ids: page.map((r) => r.id), ref, lat: f.near?.lat ?? null, lng: f.near?.lng ?? null })) as WideRow[];
  const byId = new Map(wide.map((w) => [w.id, w]));
  // A service deleted between the two statements drops out of the page.
  return page.flatMap((r) => {
    const w = byId.get(r.id);
    return w ? [{ ...w, rank: r.rank, sort_key: r.sort_key }] : [];
  });
};

/** Nearest locations read per page row on the first try (a location holds ~3 services; filters drop some). */
const KNN_LOCATIONS_PER_ROW = 4;

/** The ids and sort keys of one page (n + 1 rows), in order. */
const pageOf = async (db: DbOrTx, f: SearchFilters, refIso: string, knn: boolean): Promise<PageRow[]> => {
  const mode = searchMode(f);
  const knnLocations = (f.limit + 1) * KNN_LOCATIONS_PER_ROW;
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
      select s.id,
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
      select b.id, b.rank, ${sortKey} as sort_key from base b
    )
    select r.id, r.rank, r.sort_key,
           ${knn ? sql`(select st.n >= ${knnLocations} and (p.chord is null or st.edge <= p.chord) from knn_stats st, p)` : sql`false`} as knn_saturated
    from ranked r
    where true ${cursor}
    order by r.sort_key, r.id
    limit ${f.limit + 1}`;
  return (await db.execute<PageRow>(query)).rows;
};
