import { eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx, type Tx } from '@tandem/db';

// The importer's SQL over the directory tables (see ../repo.ts for why HSDS reads and writes
// them): the read side (loadExisting, also the export's source) and the writes apply.ts decides.
const { organizations, services, locations, serviceLocations, schedules, contacts } = schema;

/** Every directory row the import can match, with the HSDS id it answers to (source_id, else our id). */
export const loadExisting = async (db: DbOrTx) => {
  // One after another: inside a transaction they share one connection.
  const orgs = await db
    .select({
      id: organizations.id,
      sourceId: organizations.sourceId,
      name: organizations.name,
      description: organizations.description,
      website: organizations.website,
      email: organizations.email,
      phone: organizations.phone,
    })
    .from(organizations);
  const svcs = await db
    .select({
      id: services.id,
      sourceId: services.sourceId,
      organizationId: services.organizationId,
      name: services.name,
      description: services.description,
      url: services.url,
      email: services.email,
      eligibility: services.eligibility,
      minAge: services.minAge,
      maxAge: services.maxAge,
      fees: services.fees,
      applicationProcess: services.applicationProcess,
      status: services.status,
      phone: services.phone,
      languages: services.languages,
      categories: services.categories,
      communitySupport: services.communitySupport,
      spas: services.spas,
    })
    .from(services);
  const locs = await db
    .select({
      id: locations.id,
      sourceId: locations.sourceId,
      organizationId: locations.organizationId,
      name: locations.name,
      address1: locations.address1,
      address2: locations.address2,
      city: locations.city,
      state: locations.state,
      postalCode: locations.postalCode,
      latitude: locations.latitude,
      longitude: locations.longitude,
      transit: locations.transit,
      accessibility: locations.accessibility,
    })
    .from(locations);
  const sals = await db
    .select({
      id: serviceLocations.id,
      sourceId: serviceLocations.sourceId,
      serviceId: serviceLocations.serviceId,
      locationId: serviceLocations.locationId,
    })
    .from(serviceLocations);
  const scheds = await db
    .select({
      id: schedules.id,
      sourceId: schedules.sourceId,
      serviceId: schedules.serviceId,
      locationId: schedules.locationId,
      weekday: schedules.weekday,
      opensAt: schedules.opensAt,
      closesAt: schedules.closesAt,
    })
    .from(schedules);
  const conts = await db
    .select({
      id: contacts.id,
      sourceId: contacts.sourceId,
      organizationId: contacts.organizationId,
      serviceId: contacts.serviceId,
      name: contacts.name,
      title: contacts.title,
      department: contacts.department,
      email: contacts.email,
      phone: contacts.phone,
      isPublic: contacts.isPublic,
    })
    .from(contacts);
  const byKey = <R extends { id: string; sourceId: string | null }>(rows: R[]) => new Map(rows.map((r) => [r.sourceId ?? r.id, r]));
  return { orgs: byKey(orgs), services: byKey(svcs), locations: byKey(locs), sals: byKey(sals), schedules: scheds, contacts: byKey(conts) };
};
export type Existing = Awaited<ReturnType<typeof loadExisting>>;

/** The tables apply.ts upserts by HSDS id. */
export type UpsertTable = typeof organizations | typeof services | typeof locations | typeof serviceLocations | typeof contacts;
type ScheduleValues = typeof schedules.$inferInsert;

export const importRepo = {
  /** One import at a time: two at once would both create the same new rows. */
  lock: (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(hashtext('tandem.hsds-import'))`),

  insertRow: async (tx: Tx, table: UpsertTable, values: Record<string, unknown>) => {
    const [row] = await tx
      .insert(table)
      .values(values as never)
      .returning({ id: table.id });
    return row!.id;
  },

  updateRow: (tx: Tx, table: UpsertTable, id: string, values: Record<string, unknown>) =>
    tx
      .update(table)
      .set({ ...values, ...('updatedAt' in table ? { updatedAt: new Date() } : {}) } as never)
      .where(eq(table.id, id)),

  /** A service whose links or hours changed: HSDS last_modified / modified_after see the change. */
  touchServices: (tx: Tx, ids: string[]) =>
    tx
      .update(services)
      .set({ updatedAt: sql`now()` })
      .where(inArray(services.id, ids)),

  insertSchedule: (tx: Tx, values: ScheduleValues) => tx.insert(schedules).values(values),

  updateSchedule: (tx: Tx, id: string, values: ScheduleValues) => tx.update(schedules).set(values).where(eq(schedules.id, id)),

  deleteSchedules: (tx: Tx, ids: string[]) => tx.delete(schedules).where(inArray(schedules.id, ids)),
};
