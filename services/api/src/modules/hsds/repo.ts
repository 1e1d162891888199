import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@tandem/db';

// HSDS is a read/write *view* over the directory tables (organizations, services, locations,
// service_locations, schedules, contacts), which the directory module owns. This repo and the
// importer are the only places outside that module that touch them: HSDS is the same data in
// another shape, and going through the directory services row by row would mean N+1 queries
// per page and no single import transaction. Organizations' own queries: organizations.repo.ts.

export type Json = Record<string, unknown>;
/** A service's own columns and its organization's: what every service shape starts from. */
export interface ServiceRow {
  s: Json;
  org: Json;
  /** ISO time of the latest change to the service or anything it embeds (see MODIFIED). */
  modified: string;
}
/** A service_location with its location, and its service's one-to-one columns. */
export type SalRow = ServiceRow & { id: string; service_id: string; location: Json };
export interface ServiceBundle extends ServiceRow {
  schedules: Json[];
  /** schedule_exceptions from today on (in the service's time zone), by date. */
  exceptions: Json[];
  contacts: Json[];
  sals: { id: string; location: Json }[];
}

export const LOCATION_JSON = sql`jsonb_build_object('id', l.id, 'organization_id', l.organization_id, 'name', l.name, 'address_1', l.address_1, 'address_2', l.address_2, 'city', l.city, 'state', l.state, 'postal_code', l.postal_code, 'latitude', l.latitude, 'longitude', l.longitude, 'accessibility', l.accessibility, 'transit', l.transit)`;
export const ORG_JSON = sql`jsonb_build_object('id', o.id, 'name', o.name, 'description', o.description, 'email', o.email, 'website', o.website, 'phone', o.phone)`;
const SERVICE_JSON = sql`to_jsonb(s) - 'search_vector' - 'facets' - 'open_hours' - 'exception_dates' - 'capacity_note' - 'capacity_confirmed_by'`;

// HSDS `last_modified` of service `s`: the latest updated_at of the service, its organization, its
// locations and its contacts. Schedules and service_locations have no updated_at; changing them
// through the directory or the importer bumps the service's. Truncated to ms, so a client that
// sends it back as modified_after gets that service again rather than missing a change.
const MODIFIED = sql`to_char(greatest(s.updated_at,
    (select mo.updated_at from organizations mo where mo.id = s.organization_id),
    (select max(ml.updated_at) from service_locations msl join locations ml on ml.id = msl.location_id where msl.service_id = s.id),
    (select max(mc.updated_at) from contacts mc where mc.service_id = s.id)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Services whose MODIFIED is at or after `since`, written as a union of the four sources so each
 * part is a range scan on that table's updated_at index (*_updated_idx) instead of four subqueries per service.
 */
const modifiedSince = (since: string) => {
  const t = sql`${since}::timestamptz`;
  return sql`s.id in (
    select x.id from services x where x.updated_at >= ${t}
    union all select x.id from services x join organizations o on o.id = x.organization_id where o.updated_at >= ${t}
    union all select sl.service_id from service_locations sl join locations l on l.id = sl.location_id where l.updated_at >= ${t}
    union all select c.service_id from contacts c where c.service_id is not null and c.updated_at >= ${t})`;
};

/** A uuid[] literal from ids (drizzle would expand a JS array into a row of parameters). */
export const uuids = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;

export const rowsOf = async <T>(db: DbOrTx, q: SQL) => (await db.execute(q)).rows as T[];

/** Every id of a filtered subquery in page order (format=ndjson reads them all, then the rows in chunks). */
export const allIds = async (db: DbOrTx, filtered: SQL, order: SQL) =>
  (await rowsOf<{ id: string }>(db, sql`select id from (${filtered}) f order by ${order}`)).map((r) => r.id);

/** One page of ids and the total, from a filtered, ordered subquery; a single statement. */
export const page = async (db: DbOrTx, filtered: SQL, order: SQL, limit: number, offset: number) => {
  const [r] = await rowsOf<{ total: number; ids: string[] }>(
    db,
    sql`with f as (${filtered}), p as (select id from f order by ${order} limit ${limit} offset ${offset})
        select (select count(*) from f)::int as total, coalesce((select jsonb_agg(id) from p), '[]'::jsonb) as ids`,
  );
  return r!;
};

export interface ServiceFilter {
  search?: string;
  organizationId?: string;
  /** Match services tagged with this SDOH category or Community Support. */
  category?: string;
  communitySupport?: string;
  anyCategory?: boolean;
  anyCommunitySupport?: boolean;
  /** ISO date-time: only services whose HSDS last_modified is at or after it. */
  modifiedAfter?: string;
  none?: boolean;
}

export interface LocationFilter {
  /** Exact postal code of the location; with proximityM, the postal code whose centroid is the centre. */
  postcode?: string;
  proximityM?: number;
}

const serviceWhere = (f: ServiceFilter) => {
  const c: SQL[] = [sql`true`];
  if (f.none) c.push(sql`false`);
  if (f.search)
    c.push(sql`(s.search_vector @@ websearch_to_tsquery('english', ${f.search}) or lower(s.name) like ${`%${f.search.toLowerCase()}%`})`);
  if (f.organizationId) c.push(sql`s.organization_id = ${f.organizationId}::uuid`);
  if (f.category) c.push(sql`${f.category} = any(s.categories)`);
  if (f.communitySupport) c.push(sql`s.community_support = ${f.communitySupport}`);
  if (f.anyCategory) c.push(sql`cardinality(s.categories) > 0`);
  if (f.anyCommunitySupport) c.push(sql`s.community_support is not null`);
  if (f.modifiedAfter) c.push(modifiedSince(f.modifiedAfter));
  return sql.join(c, sql` and `);
};

// The centroid of a postal code: the mean position of our geocoded locations that carry it (Tandem
// has no postal code gazetteer). No such location → a null origin, which no location is near.
const centroid = (postcode: string) =>
  sql`(select ll_to_earth(avg(x.latitude), avg(x.longitude)) as origin from locations x where x.postal_code = ${postcode} and x.earth_pt is not null) centre`;

/** Same test as directory search: the GiST box on earth_pt, then the exact chord length. */
const withinMeters = (m: number) =>
  sql`earth_box(centre.origin, ${m}::float8) @> l.earth_pt and cube_distance(centre.origin::cube, l.earth_pt) <= gc_to_sec(${m}::float8)`;

const locationWhere = (f: LocationFilter) => {
  if (f.postcode === undefined) return sql`true`;
  return f.proximityM === undefined ? sql`l.postal_code = ${f.postcode}` : withinMeters(f.proximityM);
};

const servicesFiltered = (f: ServiceFilter) => sql`select s.id, lower(s.name) as k from services s where ${serviceWhere(f)}`;
const serviceLocationsFiltered = (f: ServiceFilter & LocationFilter) =>
  sql`select sl.id, lower(s.name) as k
      from service_locations sl join services s on s.id = sl.service_id join locations l on l.id = sl.location_id
      ${f.postcode !== undefined && f.proximityM !== undefined ? sql`cross join ${centroid(f.postcode)}` : sql``}
      where ${serviceWhere(f)} and ${locationWhere(f)}`;
export const BY_NAME = sql`k, id`;

export const hsdsRepo = {
  pageServices: (db: DbOrTx, f: ServiceFilter, limit: number, offset: number) => page(db, servicesFiltered(f), BY_NAME, limit, offset),
  serviceIds: (db: DbOrTx, f: ServiceFilter) => allIds(db, servicesFiltered(f), BY_NAME),

  pageServiceLocations: (db: DbOrTx, f: ServiceFilter & LocationFilter, limit: number, offset: number) =>
    page(db, serviceLocationsFiltered(f), BY_NAME, limit, offset),
  serviceLocationIds: (db: DbOrTx, f: ServiceFilter & LocationFilter) => allIds(db, serviceLocationsFiltered(f), BY_NAME),

  /** The one-to-one columns of services and their organizations, in name order. */
  serviceSummaries: (db: DbOrTx, ids: string[]) =>
    rowsOf<ServiceRow>(
      db,
      sql`select ${SERVICE_JSON} as s, ${MODIFIED} as modified,
        (select ${ORG_JSON} from organizations o where o.id = s.organization_id) as org
      from services s where s.id = any(${uuids(ids)}) order by lower(s.name), s.id`,
    ),

  /** What minimal=true shows: id, name, status and last_modified. */
  serviceStamps: (db: DbOrTx, ids: string[]) =>
    rowsOf<{ id: string; name: string; status: string; modified: string }>(
      db,
      sql`select s.id, s.name, s.status, ${MODIFIED} as modified from services s where s.id = any(${uuids(ids)}) order by lower(s.name), s.id`,
    ),

  /** Services with their organization, schedules, public contacts and locations: one statement. */
  async services(db: DbOrTx, by: { ids?: string[]; orgIds?: string[] }): Promise<ServiceBundle[]> {
    const where = by.ids ? sql`s.id = any(${uuids(by.ids)})` : sql`s.organization_id = any(${uuids(by.orgIds ?? [])})`;
    return rowsOf<ServiceBundle>(
      db,
      sql`select ${SERVICE_JSON} as s, ${MODIFIED} as modified,
        (select ${ORG_JSON} from organizations o where o.id = s.organization_id) as org,
        coalesce((select jsonb_agg(to_jsonb(x) order by x.weekday, x.opens_at, x.id) from schedules x where x.service_id = s.id), '[]'::jsonb) as schedules,
        coalesce((select jsonb_agg(to_jsonb(e) order by e.date) from schedule_exceptions e
                  where e.service_id = s.id and e.date >= (now() at time zone s.time_zone)::date), '[]'::jsonb) as exceptions,
        coalesce((select jsonb_agg(to_jsonb(c) order by c.name, c.id) from contacts c where c.service_id = s.id and c.is_public), '[]'::jsonb) as contacts,
        coalesce((select jsonb_agg(jsonb_build_object('id', sl.id, 'location', ${LOCATION_JSON}) order by l.name, sl.id)
                  from service_locations sl join locations l on l.id = sl.location_id where sl.service_id = s.id), '[]'::jsonb) as sals
      from services s where ${where} order by lower(s.name), s.id`,
    );
  },

  /** service_locations with their location, and their service's one-to-one columns and organization. */
  serviceLocations: (db: DbOrTx, ids: string[]) =>
    rowsOf<SalRow>(
      db,
      sql`select sl.id, sl.service_id, ${LOCATION_JSON} as location, ${SERVICE_JSON} as s, ${MODIFIED} as modified,
        (select ${ORG_JSON} from organizations o where o.id = s.organization_id) as org
        from service_locations sl join locations l on l.id = sl.location_id join services s on s.id = sl.service_id
        where sl.id = any(${uuids(ids)}) order by lower(s.name), sl.id`,
    ),
};
