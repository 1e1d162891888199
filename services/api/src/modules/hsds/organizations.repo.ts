import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@tandem/db';
import { allIds, BY_NAME, LOCATION_JSON, ORG_JSON, page, rowsOf, uuids, type Json } from './repo';

// HSDS organizations over the directory's organizations table (see repo.ts for why HSDS reads it).

export interface OrgBundle {
  o: Json;
  contacts: Json[];
  locations: Json[];
}

const organizationsFiltered = (search: string | undefined) => {
  const like = search ? `%${search.toLowerCase()}%` : undefined;
  return sql`select o.id, lower(o.name) as k from organizations o
    where ${like ? sql`lower(o.name) like ${like} or lower(coalesce(o.description, '')) like ${like}` : sql`true`}`;
};

export const organizationsRepo = {
  pageOrganizations: (db: DbOrTx, search: string | undefined, limit: number, offset: number) =>
    page(db, organizationsFiltered(search), BY_NAME, limit, offset),
  organizationIds: (db: DbOrTx, search: string | undefined) => allIds(db, organizationsFiltered(search), BY_NAME),

  /** The one-to-one columns of organizations, in name order (the default list item). */
  organizationSummaries: (db: DbOrTx, ids: string[]) =>
    rowsOf<{ o: Json }>(db, sql`select ${ORG_JSON} as o from organizations o where o.id = any(${uuids(ids)}) order by lower(o.name), o.id`),

  /** Organizations with their organization-level public contacts and their locations. */
  organizations: (db: DbOrTx, ids: string[]) =>
    rowsOf<OrgBundle>(
      db,
      sql`select ${ORG_JSON} as o,
        coalesce((select jsonb_agg(to_jsonb(c) order by c.name, c.id) from contacts c where c.organization_id = o.id and c.service_id is null and c.is_public), '[]'::jsonb) as contacts,
        coalesce((select jsonb_agg(${LOCATION_JSON} order by l.name, l.id) from locations l where l.organization_id = o.id), '[]'::jsonb) as locations
      from organizations o where o.id = any(${uuids(ids)}) order by lower(o.name), o.id`,
    ),
};
