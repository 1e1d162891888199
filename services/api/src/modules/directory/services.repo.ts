import { and, asc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { ServiceRow } from './mappers';

const { services, serviceLocations, locations, schedules, scheduleExceptions, contacts, organizations } = schema;
// Every column but those only search SQL reads: the generated document and the copies of the hours.
const { searchVector: _searchVector, facets: _facets, openHours: _openHours, exceptionDates: _exceptionDates, ...serviceCols } = getTableColumns(services);

export type ServiceInsert = typeof services.$inferInsert;
export type ScheduleRow = typeof schedules.$inferSelect;
export type ExceptionRow = typeof scheduleExceptions.$inferSelect;

export const servicesRepo = {
  one: async (db: DbOrTx, id: string): Promise<ServiceRow | undefined> => (await db.select(serviceCols).from(services).where(eq(services.id, id)))[0],
  /** What a referral needs of its service: whose it is and its SLA targets (one indexed row, no joins). */
  slaInfo: async (db: DbOrTx, id: string) =>
    (
      await db
        .select({ organizationId: services.organizationId, ackSlaHours: services.ackSlaHours, firstContactSlaHours: services.firstContactSlaHours })
        .from(services)
        .where(eq(services.id, id))
    )[0] ?? null,
  /** Locks the row for a read-check-write in one transaction. */
  lock: async (db: DbOrTx, id: string): Promise<ServiceRow | undefined> =>
    (await db.select(serviceCols).from(services).where(eq(services.id, id)).for('update'))[0],
  async pageByOrg(db: DbOrTx, orgId: string, limit: number, after?: [string, string]): Promise<ServiceRow[]> {
    return db
      .select(serviceCols)
      .from(services)
      .where(and(eq(services.organizationId, orgId), after ? sql`(lower(${services.name}), ${services.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
      .orderBy(sql`lower(${services.name})`, asc(services.id))
      .limit(limit + 1);
  },
  /** A sync page: the organization's services changed at or after `since`, by (updated_at, id) (services_org_updated_idx). */
  async changedByOrg(db: DbOrTx, orgId: string, since: string, limit: number, after?: [string, string]) {
    return db
      .select({ ...serviceCols, updatedKey: sql<string>`${services.updatedAt}::text` })
      .from(services)
      .where(
        and(
          eq(services.organizationId, orgId),
          sql`${services.updatedAt} >= ${since}::timestamptz`,
          after ? sql`(${services.updatedAt}, ${services.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(services.updatedAt), asc(services.id))
      .limit(limit + 1);
  },
  insert: async (db: DbOrTx, row: ServiceInsert): Promise<ServiceRow> => (await db.insert(services).values(row).returning(serviceCols))[0]!,
  /** Writes the change and bumps the version (optimistic concurrency). */
  update: async (db: DbOrTx, id: string, set: Partial<ServiceInsert>): Promise<ServiceRow> =>
    (await db.update(services).set({ ...set, updatedAt: sql`now()`, version: sql`${services.version} + 1` }).where(eq(services.id, id)).returning(serviceCols))[0]!,
  locationIds: async (db: DbOrTx, serviceId: string) =>
    (await db.select({ id: serviceLocations.locationId }).from(serviceLocations).where(eq(serviceLocations.serviceId, serviceId))).map((r) => r.id),
  async setLocations(db: DbOrTx, serviceId: string, locationIds: string[]) {
    await db.delete(serviceLocations).where(eq(serviceLocations.serviceId, serviceId));
    if (locationIds.length) await db.insert(serviceLocations).values(locationIds.map((locationId) => ({ serviceId, locationId })));
  },
  /** Which of `ids` are locations of `orgId`. */
  orgLocationIds: async (db: DbOrTx, orgId: string, ids: string[]) =>
    ids.length
      ? (await db.select({ id: locations.id }).from(locations).where(and(eq(locations.organizationId, orgId), inArray(locations.id, ids)))).map((r) => r.id)
      : [],
  locationsOf: async (db: DbOrTx, serviceId: string) =>
    db
      .select(getTableColumns(locations))
      .from(serviceLocations)
      .innerJoin(locations, eq(locations.id, serviceLocations.locationId))
      .where(eq(serviceLocations.serviceId, serviceId))
      .orderBy(sql`lower(${locations.name})`, asc(locations.id)),
  intervals: async (db: DbOrTx, serviceId: string) =>
    db.select().from(schedules).where(eq(schedules.serviceId, serviceId)).orderBy(asc(schedules.weekday), asc(schedules.opensAt), asc(schedules.id)),
  exceptions: async (db: DbOrTx, serviceId: string) =>
    db.select().from(scheduleExceptions).where(eq(scheduleExceptions.serviceId, serviceId)).orderBy(asc(scheduleExceptions.date)),
  async replaceSchedule(db: DbOrTx, serviceId: string, ivs: (typeof schedules.$inferInsert)[], exs: (typeof scheduleExceptions.$inferInsert)[]) {
    await db.delete(schedules).where(eq(schedules.serviceId, serviceId));
    await db.delete(scheduleExceptions).where(eq(scheduleExceptions.serviceId, serviceId));
    if (ivs.length) await db.insert(schedules).values(ivs);
    if (exs.length) await db.insert(scheduleExceptions).values(exs);
  },
  /** The service's own contacts and its organization's general ones. */
  contactsOf: async (db: DbOrTx, orgId: string, serviceId: string, includePrivate: boolean) =>
    db
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.organizationId, orgId),
          or(eq(contacts.serviceId, serviceId), isNull(contacts.serviceId)),
          includePrivate ? undefined : eq(contacts.isPublic, true),
        ),
      )
      .orderBy(sql`${contacts.serviceId} is null`, sql`lower(${contacts.name})`, asc(contacts.id)),
  orgSummary: async (db: DbOrTx, orgId: string) =>
    (
      await db
        .select({ id: organizations.id, name: organizations.name, type: organizations.type, website: organizations.website, phone: organizations.phone })
        .from(organizations)
        .where(eq(organizations.id, orgId))
    )[0],
};
