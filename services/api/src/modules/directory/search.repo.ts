import { sql, type SQL } from 'drizzle-orm';
import { prepareSql, reuse, type DbOrTx, type schema } from '@tandem/db';
import { facetStatsOf, leadFacet, walkWorthTrying, type FacetStats } from './search.walk';

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

/** A hit as the page statement returns it (search.service.ts maps it to the public shape). */
export type SearchRow = {
  id: string;
  name: string;
  description: string | null;
  name_es: string | null;
  description_es: string | null;
  status: string;
  organization_id: string;
  organization_name: string;
  languages: string[];
  categories: string[];
  spas: string[];
  capacity_status: string;
  capacity_note: string | null;
  /** ISO 8601 UTC (the card keeps it formatted: drizzle hands raw timestamps back as PostgreSQL text). */
  capacity_confirmed_at: string | null;
  rank: number | null;
  open_now: boolean;
  local_date: string;
  /** The local date's hours: its exception, else its weekday. */
  today: schema.CardDay;
  /** With near, every location of the service (hitLocation picks the nearest); else the first or null. */
  locations: schema.CardLocation[] | schema.CardLocation | null;
  sort_key: string | number;
};

/**
 * The filter values a hit must have, as the lexemes tandem_service_facets puts in the search
 * document (`spa:spa6`, `language:es`). facetQuery makes them a tsquery ('spa:spa6' &
 * 'language:es'), or null without such filters. The values are the contract's enums; quotes and
 * backslashes are escaped all the same.
 */
export const facetKeys = (f: Pick<SearchFilters, 'category' | 'language' | 'spa' | 'focusPopulation' | 'communitySupport'>): string[] =>
  [
    f.category && `category:${f.category}`,
    f.language && `language:${f.language}`,
    f.spa && `spa:${f.spa}`,
    f.focusPopulation && `focus:${f.focusPopulation}`,
    f.communitySupport && `community_support:${f.communitySupport}`,
  ].filter((k): k is string => typeof k === 'string');

export const facetQuery = (f: Pick<SearchFilters, 'category' | 'language' | 'spa' | 'focusPopulation' | 'communitySupport'>): string | null => {
  const keys = facetKeys(f);
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
 * earthdistance's `sec_to_gc(chord) / 1000`: the great-circle kilometres of a chord, written out.
 * sec_to_gc is a STRICT SQL function whose body (a CASE) is not strict, so PostgreSQL never
 * inlines it and runs each call as a SQL function of its own (~8 µs: 4 ms of the 12 ms a rare
 * filter within 30 km spent sorting its 512 candidates). The same floating-point operations in
 * the same order, so a sort key (and a cursor that carries one) is the same number to the bit;
 * null stays null. `chord` must be a column or a parameter: it is written three times.
 */
export const arcKm = (chord: SQL) => {
  const diameter = sql`(2::float8 * 6378168::float8)`;
  return sql`((case when ${chord} < 0::float8 then 0::float8 when ${chord} / ${diameter} > 1::float8 then pi() * 6378168::float8 else ${diameter} * asin(${chord} / ${diameter}) end) / 1000)`;
};

/**
 * One statement per page of directory search. The plan it is written for (docs/directory-search.md):
 *
 *  p        one row of parameters, materialized: the reference instant, the tsquery of the text
 *           (tandem_search_query: typos corrected from search_words), the origin, the radius.
 *  nearby   (with near) each service's closest location as a chord length. Ordered by distance
 *           (near without text), a first try reads only the nearest (size + 1) × 1.5 locations
 *           (size: knnPageSize; × 4 with filters: knnLocationsFor)
 *           (near_locations: KNN `earth_pt <-> origin` on locations_earth_pt_idx, then the radius
 *           check); a service whose nearest site is closer than the farthest location read has its
 *           exact distance, any other is at least that far. The page is certain when it fills, or,
 *           with a radius, when the walk went past it or read every location; otherwise (selective
 *           filters, deep pages, services without a located site) the first try answers no rows
 *           and the page is asked again: with filter values, over each candidate's own sites
 *           (min over site_pts, their points copied on the row); without, over every location inside earth_box(origin, r) (GiST bitmap
 *           on the same index), grouped per service.
 *  base     only ids and sort inputs of the services that pass the filters. With text: text and
 *           filter values in ONE GIN scan of services_search_idx (`search_vector @@ tsq && 'spa:spa6'
 *           & 'language:es'`). In name order with filter values: the rows of the rarest value
 *           (leadFacet) in service_facet_names in name order (an index-only walk that checks the
 *           other values on its facets copy), then the services row by primary key for those.
 *           Name order without them: services_name_order_idx, an index-only walk. Capacity, age,
 *           status and "open at" on the same row, "open" from its own copy of its hours
 *           (open_hours, exception_dates).
 *  page     the sort key: -ts_rank_cd, distance km, or lower(name); then the keyset filter
 *           `(sort_key, id) > cursor`, ORDER BY sort_key, id, LIMIT n+1 (top-N heapsort).
 *  hits     the page's service_cards rows by primary key: what a hit shows (the service's shown
 *           columns, organization, locations, week, exceptions), kept by triggers (migration 0012);
 *           today's hours are the day's exception or weekday, picked by key. Not the services row
 *           again: planning that join cost ~1 ms (ten indexes to consider).
 *
 * Each shape of filters is built once (placeholders, `reuse`). Text, nearest-first, name order
 * with filter values and distance from the candidates of filter values are named statements:
 * their plan is the same whatever the values (the GIN scan; the KNN walk; the walk of one value's
 * names; the facets bitmap), so each connection parses them once and PostgreSQL soon keeps a
 * generic plan instead of planning every search. Name order without filter values and the
 * distance fallback over every location in the radius box stay unnamed, planned with their values.
 */
export const searchServices = async (db: DbOrTx, f: SearchFilters): Promise<SearchRow[]> => {
  // One instant for the page's "open" filter and the hits' hours.
  const ref = (f.at ?? new Date()).toISOString();
  const keys = facetKeys(f);
  const stats = keys.length && searchMode(f) !== 'rank' ? await facetStats(db) : null;
  const lead = leadFacet(keys, stats);
  if (searchMode(f) === 'distance') {
    const walked = knnLocationsFor(shapeOf(f, true), knnPageSize(f.limit));
    if (walkWorthTrying(keys, walked, f.limit + 1, stats)) {
      // No rows: the nearest-first walk could not be sure of the page (or found nothing). Its
      // page may hold more rows than asked for (knnPageSize): any first rows of it are certain.
      const first = await pageOf(db, f, ref, lead, true);
      if (first.length > 0) return first.slice(0, f.limit + 1);
    }
  }
  return pageOf(db, f, ref, lead, false);
};

const FACET_STATS_TTL_MS = 5 * 60_000;
const facetStatsCache = new WeakMap<object, { at: number; stats: Promise<FacetStats | null> }>();

/**
 * The planner's statistics of the filter lexemes (search.walk.ts), read from the catalog at most
 * every five minutes per handle, as ANALYZE (autovacuum) renews them. Null when the tables were
 * never analysed, or the read failed: then every distance search tries the walk, as it did before,
 * and a name-order search walks the filter value leadFacet picks by kind.
 */
export const facetStats = (db: DbOrTx, now = Date.now()): Promise<FacetStats | null> => {
  const cached = facetStatsCache.get(db);
  if (cached && now - cached.at < FACET_STATS_TTL_MS) return cached.stats;
  const stats = db
    .execute<{ elems: string[] | null; freqs: number[] | null; links: number; locations: number }>(sql`
      select st.most_common_elems::text::text[] as elems, st.most_common_elem_freqs as freqs,
             (select reltuples from pg_class where oid = 'service_locations'::regclass)::float8 as links,
             (select reltuples from pg_class where oid = 'locations'::regclass)::float8 as locations
      from (select 1) one
      left join pg_stats st on st.schemaname = current_schema() and st.tablename = 'services' and st.attname = 'facets'`)
    .then((r) => facetStatsOf(r.rows[0]))
    .catch(() => null);
  facetStatsCache.set(db, { at: now, stats });
  return stats;
};

/**
 * The page sizes a nearest-first statement is written for: a page of n hits uses the first size
 * >= n. Its LIMITs are numbers in the SQL text, not parameters: with a parameter the planner either
 * plans every search again with the value (~1.5 ms, as each custom plan looks cheaper than the
 * generic one) or, with the value hidden, guesses a tenth of all locations and joins by seq scans.
 * A few sizes keep the statements per connection few.
 */
export const KNN_PAGE_SIZES = [10, 25, 50, 100, 200] as const;
export const knnPageSize = (limit: number): number => KNN_PAGE_SIZES.find((n) => n >= limit) ?? limit;

/**
 * Nearest locations the first try reads, for a page of n + 1 rows. A location holds one to a few
 * services; with no filter only inactive services drop out, so 1.5 per row fills the page. Filters
 * drop most services near any point, so 4 per row. A first try that reads too few only costs the
 * second statement.
 */
const knnLocationsFor = (s: Shape, pageSize: number): number => {
  const filtered = s.facets || s.age || s.open || s.accepting !== 'any';
  return Math.ceil((pageSize + 1) * (filtered ? 4 : 1.5));
};

/** What decides a page's SQL text; the values go in placeholders. */
export type Shape = {
  mode: SearchMode;
  facets: boolean;
  age: boolean;
  accepting: 'yes' | 'no' | 'any';
  open: boolean;
  near: boolean;
  radius: boolean;
  cursor: boolean;
  knn: boolean;
  /** With knn, the page size its SQL is written for (knnPageSize); else null. */
  size: number | null;
};

const shapeOf = (f: SearchFilters, knn: boolean): Shape => ({
  mode: searchMode(f),
  facets: facetQuery(f) !== null,
  age: f.age !== undefined,
  accepting: f.accepting === true ? 'yes' : f.accepting === false ? 'no' : 'any',
  open: f.onlyOpen,
  near: f.near !== undefined,
  radius: f.radiusKm !== undefined && f.near !== undefined,
  cursor: f.after !== undefined,
  knn,
  size: knn ? knnPageSize(f.limit) : null,
});

/**
 * A short, stable name per shape (statement names are at most 63 bytes): one character per field,
 * each in its own place, so two shapes never share a name (nor, through `reuse`, a statement).
 */
export const shapeKey = (s: Shape) =>
  [
    s.mode[0],
    s.facets ? 'f' : '-',
    s.age ? 'a' : '-',
    { yes: 'y', no: 'n', any: '-' }[s.accepting],
    s.open ? 'o' : '-',
    s.near ? 'p' : '-',
    s.radius ? 'r' : '-',
    s.cursor ? 'c' : '-',
    s.knn ? 'k' : '-',
    s.size ?? '',
  ].join('');

const p = (name: string) => sql.placeholder(name);

/**
 * Where a page's distances come from: the KNN walk; or, when text with a radius or filter values
 * pick the candidates, each candidate's own sites (a min over the copy of their points on the
 * services row, site_pts, migration 0013: no index probe per candidate; so a rare filter never
 * measures every location in a wide radius: ~150 ms -> a few ms on the bench data);
 * else every location in the radius box, grouped per service. Text without a radius sorts by rank
 * and needs no distance (the hit's site is picked from its card); no point, none.
 */
const distanceSource = (s: Shape): 'knn' | 'candidates' | 'box' | 'none' => {
  if (!s.near) return 'none';
  if (s.knn) return 'knn';
  if (s.mode === 'rank') return s.radius ? 'candidates' : 'none';
  return s.facets ? 'candidates' : 'box';
};

/**
 * Name order with filter values walks the services of one value (the lead: leadFacet) in name
 * order in service_facet_names (migration 0014): the other values are checked on the facets copy
 * in the same index entry, the rest on the services row read by primary key for those only.
 */
const walksFacetNames = (s: Shape) => s.mode === 'name' && s.facets;

/** The SQL of one page shape (n + 1 hits, in order); with `knn`, no rows unless the nearest-first walk is sure of them. */
const pageSql = (s: Shape): SQL => {
  const near = s.near;
  const byFacetNames = walksFacetNames(s);
  const origin = sql`ll_to_earth(${p('lat')}::float8, ${p('lng')}::float8)`;
  const sortKey =
    s.mode === 'rank' ? sql`(-b.rank)::float8` : s.mode === 'distance' ? sql`coalesce(${arcKm(sql`b.near_chord`)}, 1e9)::float8` : sql`b.lname`;
  const inRadius = s.radius ? sql`and earth_box(p.origin, ${p('radiusM')}::float8) @> l.earth_pt and cube_distance(p.oc, l.earth_pt) <= p.chord` : sql``;
  // Text and filter values in one GIN scan of services_search_idx (the tsquery of the text comes
  // from p, the filter values are a tsquery of their own).
  const document =
    s.mode === 'rank'
      ? sql`and s.search_vector @@ ${s.facets ? sql`(p.tsq && ${p('facets')}::tsquery)` : sql`p.tsq`}`
      : s.facets
        ? s.knn
          ? sql`and (s.facets @@ p.facets) is true`
          : sql`and ${byFacetNames ? sql`o` : sql`s`}.facets @@ ${p('facets')}::tsquery`
        : sql``;
  const age = s.knn ? sql`p.age` : sql`${p('age')}::int`;
  const filters = sql`
        ${document}
        ${when(s.age, sql`and (s.min_age is null or s.min_age <= ${age}) and (s.max_age is null or s.max_age >= ${age})`)}
        ${when(s.accepting === 'yes', sql`and s.capacity_status = 'accepting'`)}
        ${when(s.accepting === 'no', sql`and s.capacity_status <> 'accepting'`)}
        ${when(s.open, sql`and ${openAt(sql`s`, sql`(p.ref at time zone s.time_zone)`)}`)}`;
  const cursor = s.cursor
    ? s.mode === 'name'
      ? sql`and (r.sort_key, r.id) > (${p('afterKey')}::text, ${p('afterId')}::uuid)`
      : sql`and (r.sort_key, r.id) > (${p('afterKey')}::float8, ${p('afterId')}::uuid)`
    : sql``;
  // A nearest-first page keeps its plan whatever the values, so PostgreSQL keeps the generic
  // one: numbers for its LIMITs (knnPageSize), the origin and the filter values read from p (a
  // materialized CTE), and the filter values not indexable (`is true`): the walk's few services
  // are read by primary key, never through the facets index by a guess of how many match.
  const distance = distanceSource(s);
  const knnLimit = sql.raw(String(s.size === null ? 0 : knnLocationsFor(s, s.size)));
  const pageLimit = s.size === null ? sql`${p('limit')}::int` : sql.raw(String(s.size + 1));

  return sql`
    -- Materialized: referenced once, p would be inlined and tandem_search_query run per row.
    with p as materialized (
      select ${p('ref')}::timestamptz as ref,
             ${s.mode === 'rank' ? sql`tandem_search_query(${p('q')}::text)` : sql`null::tsquery`} as tsq,
             ${near ? origin : sql`null::earth`} as origin,
             (${near ? origin : sql`null::earth`})::cube as oc,
             ${s.radius ? sql`gc_to_sec(${p('radiusM')}::float8)` : sql`null::float8`} as chord${when(
               s.knn,
               sql`,
             ${s.facets ? sql`${p('facets')}::tsquery` : sql`null::tsquery`} as facets,
             ${s.age ? sql`${p('age')}::int` : sql`null::int`} as age`,
             )}
    ),
    ${when(distance === 'box', sql`nearby as (
      select sl.service_id, min(cube_distance(p.oc, l.earth_pt)) as chord
      from p, locations l join service_locations sl on sl.location_id = l.id
      where l.earth_pt is not null ${inRadius}
      group by sl.service_id
    ),`)}
    ${when(s.knn, sql`near_locations as (
      select l.id, cube_distance(p.oc, l.earth_pt) as chord
      from p, locations l
      where l.earth_pt is not null
      order by l.earth_pt <-> (select p.oc from p)
      limit ${knnLimit}
    ),
    knn_stats as (select count(*) as n, max(chord) as edge from near_locations),
    nearby as (
      select sl.service_id, min(nl.chord) as chord
      from near_locations nl
      join service_locations sl on sl.location_id = nl.id
      cross join knn_stats st
      cross join p
      where ${s.radius ? sql`nl.chord <= p.chord` : sql`true`}
      group by sl.service_id, st.n, st.edge
      having st.n < ${knnLimit} or min(nl.chord) < st.edge
    ),`)}
    base as (
      select ${byFacetNames ? sql`o.service_id` : sql`s.id`} as id, s.time_zone, s.open_hours, s.exception_dates,
             ${s.mode === 'rank' ? sql`ts_rank_cd(s.search_vector, p.tsq)::float8` : sql`null::float8`} as rank,
             ${distance === 'none' ? sql`null::float8` : sql`nb.chord`} as near_chord,
             ${s.mode === 'name' ? (byFacetNames ? sql`o.lname` : sql`lower(s.name)`) : sql`null::text`} as lname
      from ${byFacetNames ? sql`service_facet_names o join services s on s.id = o.service_id` : sql`services s`}
      cross join p
      ${when(distance === 'knn' || distance === 'box', sql`${s.radius || s.knn ? sql`join` : sql`left join`} nearby nb on nb.service_id = s.id`)}
      ${when(
        distance === 'candidates',
        sql`cross join lateral (select min(cube_distance(p.oc, pt)) as chord from unnest(s.site_pts) pt) nb`,
      )}
      where s.status <> 'inactive'
        ${when(byFacetNames, sql`and o.facet = ${p('lead')}::text`)}
        ${filters}
        ${when(distance === 'candidates' && s.radius, sql`and nb.chord <= p.chord`)}
    ),
    ranked as (
      select b.id, b.rank, b.time_zone, b.open_hours, b.exception_dates, ${sortKey} as sort_key from base b
    ),
    page as (
      select r.* from ranked r
      where true ${cursor}
      order by r.sort_key, r.id
      limit ${pageLimit}
    )${when(s.knn, sql`,
    sure as (
      -- Certain when the page filled, or with a radius when the walk read every location or
      -- went past the radius. Without a radius a walk that read every location is not enough:
      -- services without a located site come last, and only the second statement has them.
      select (select count(*) from page) >= ${p('limit')}::int
          or (p.chord is not null and (st.n < ${knnLimit} or st.edge > p.chord)) as ok
      from knn_stats st, p
    )`)}
    select c.service_id as id, c.name, c.description, c.name_es, c.description_es, c.status, c.organization_id, c.organization_name,
           c.languages, c.categories, c.spas, c.capacity_status, c.capacity_note, c.capacity_confirmed_at,
           to_char(lt.local, 'YYYY-MM-DD') as local_date,
           coalesce(c.exceptions -> to_char(lt.local, 'YYYY-MM-DD'), c.week -> (extract(isodow from lt.local)::int - 1)) as today,
           ${near ? sql`c.locations` : sql`c.locations -> 0`} as locations,
           pg.rank, pg.sort_key, ${openAt(sql`pg`, sql`lt.local`)} as open_now
    from page pg
    join service_cards c on c.service_id = pg.id
    cross join lateral (select ${p('ref')}::timestamptz at time zone pg.time_zone as local) lt
    ${when(s.knn, sql`where (select ok from sure)`)}
    order by pg.sort_key, pg.id`;
};

/** The statement of a page, built once per shape and handle (named for value-independent plans). */
const pageStatement = (db: DbOrTx, s: Shape) => {
  const key = shapeKey(s);
  const named = s.mode === 'rank' || s.knn || walksFacetNames(s) || distanceSource(s) === 'candidates';
  return reuse(db, `directory.search:${key}`, () => prepareSql<SearchRow>(db, named ? `directory_search_${key}` : '', pageSql(s)));
};

/** The placeholder values of a page. */
const pageValues = (f: SearchFilters, refIso: string, lead: string | undefined): Record<string, unknown> => ({
  ref: refIso,
  lead: lead ?? null,
  q: f.q ?? null,
  lat: f.near?.lat ?? null,
  lng: f.near?.lng ?? null,
  radiusM: f.radiusKm !== undefined ? f.radiusKm * 1000 : null,
  facets: facetQuery(f),
  age: f.age ?? null,
  afterKey: f.after ? (searchMode(f) === 'name' ? String(f.after[0]) : Number(f.after[0])) : null,
  afterId: f.after?.[1] ?? null,
  limit: f.limit + 1,
});

/** One page (n + 1 hits), in order; with `knn`, no rows unless the nearest-first walk is sure of them. */
const pageOf = (db: DbOrTx, f: SearchFilters, refIso: string, lead: string | undefined, knn: boolean): Promise<SearchRow[]> =>
  pageStatement(db, shapeOf(f, knn)).execute(pageValues(f, refIso, lead));

/** The first statement a search sends, values filled in: what the benchmark EXPLAINs. */
export const searchStatement = async (db: DbOrTx, f: SearchFilters): Promise<{ text: string; values: unknown[] }> => {
  const keys = facetKeys(f);
  const lead = leadFacet(keys, keys.length ? await facetStats(db) : null);
  const statement = pageStatement(db, shapeOf(f, searchMode(f) === 'distance'));
  return { text: statement.text, values: statement.params(pageValues(f, (f.at ?? new Date()).toISOString(), lead)) };
};
