import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@tandem/db';

// HSDS is a read/write *view* over the directory tables (organizations, services, locations,
// service_locations, schedules, contacts), which the directory module owns. This repo and the
// importer are the only places outside that module that touch them: HSDS is the same data in
// another shape, and going through the directory services row by row would mean N+1 queries
// per page and no single import transaction.

export type Json = Record<string, unknown>;
export interface ServiceBundle {
  s: Json;
  org: Json;
  schedules: Json[];
  contacts: Json[];
  sals: { id: string; location: Json }[];
}
export interface OrgBundle {
  o: Json;
  contacts: Json[];
  locations: Json[];
}

const LOCATION_JSON = sql`jsonb_build_object('id', l.id, 'organization_id', l.organization_id, 'name', l.name, 'address_1', l.address_1, 'address_2', l.address_2, 'city', l.city, 'state', l.state, 'postal_code', l.postal_code, 'latitude', l.latitude, 'longitude', l.longitude, 'accessibility', l.accessibility, 'transit', l.transit)`;
const ORG_JSON = sql`jsonb_build_object('id', o.id, 'name', o.name, 'description', o.description, 'email', o.email, 'website', o.website, 'phone', o.phone)`;

/** A uuid[] literal from ids (drizzle would expand a JS array into a row of parameters). */
const uuids = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;

const rowsOf = async <T>(db: DbOrTx, q: SQL) => (await db.execute(q)).rows as T[];

/** One page of ids and the total, from a filtered, ordered subquery; a single statement. */
const page = async (db: DbOrTx, filtered: SQL, order: SQL, limit: number, offset: number) => {
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
  none?: boolean;
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
  return sql.join(c, sql` and `);
};

export const hsdsRepo = {
  pageServices: (db: DbOrTx, f: ServiceFilter, limit: number, offset: number) =>
    page(db, sql`select s.id, lower(s.name) as k from services s where ${serviceWhere(f)}`, sql`k, id`, limit, offset),

  pageServiceLocations: (db: DbOrTx, f: ServiceFilter, limit: number, offset: number) =>
    page(
      db,
      sql`select sl.id, lower(s.name) as k from service_locations sl join services s on s.id = sl.service_id where ${serviceWhere(f)}`,
      sql`k, id`,
      limit,
      offset,
    ),

  pageOrganizations: (db: DbOrTx, search: string | undefined, limit: number, offset: number) =>
    page(
      db,
      sql`select o.id, lower(o.name) as k from organizations o where ${search ? sql`lower(o.name) like ${`%${search.toLowerCase()}%`} or lower(coalesce(o.description, '')) like ${`%${search.toLowerCase()}%`}` : sql`true`}`,
      sql`k, id`,
      limit,
      offset,
    ),

  /** Services with their organization, schedules, public contacts and locations: one statement. */
  async services(db: DbOrTx, by: { ids?: string[]; orgIds?: string[] }): Promise<ServiceBundle[]> {
    const where = by.ids ? sql`s.id = any(${uuids(by.ids)})` : sql`s.organization_id = any(${uuids(by.orgIds ?? [])})`;
    return rowsOf<ServiceBundle>(
      db,
      sql`select to_jsonb(s) - 'search_vector' - 'capacity_note' - 'capacity_confirmed_by' as s,
        (select ${ORG_JSON} from organizations o where o.id = s.organization_id) as org,
        coalesce((select jsonb_agg(to_jsonb(x) order by x.weekday, x.opens_at, x.id) from schedules x where x.service_id = s.id), '[]'::jsonb) as schedules,
        coalesce((select jsonb_agg(to_jsonb(c) order by c.name, c.id) from contacts c where c.service_id = s.id and c.is_public), '[]'::jsonb) as contacts,
        coalesce((select jsonb_agg(jsonb_build_object('id', sl.id, 'location', ${LOCATION_JSON}) order by l.name, sl.id)
                  from service_locations sl join locations l on l.id = sl.location_id where sl.service_id = s.id), '[]'::jsonb) as sals
      from services s where ${where} order by lower(s.name), s.id`,
    );
  },

  /** Organizations with their organization-level public contacts and their locations. */
  organizations: (db: DbOrTx, ids: string[]) =>
    rowsOf<OrgBundle>(
      db,
      sql`select ${ORG_JSON} as o,
        coalesce((select jsonb_agg(to_jsonb(c) order by c.name, c.id) from contacts c where c.organization_id = o.id and c.service_id is null and c.is_public), '[]'::jsonb) as contacts,
        coalesce((select jsonb_agg(${LOCATION_JSON} order by l.name, l.id) from locations l where l.organization_id = o.id), '[]'::jsonb) as locations
      from organizations o where o.id = any(${uuids(ids)}) order by lower(o.name), o.id`,
    ),

  serviceLocations: (db: DbOrTx, ids: string[]) =>
    rowsOf<{ id: string; service_id: string; location: Json }>(
      db,
      sql`select sl.id, sl.service_id, ${LOCATION_JSON} as location
        from service_locations sl join locations l on l.id = sl.location_id join services s on s.id = sl.service_id
        where sl.id = any(${uuids(ids)}) order by lower(s.name), sl.id`,
    ),
};
