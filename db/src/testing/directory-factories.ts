import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../client';
import * as schema from '../schema';

// Directory factories (locations, services, hours): each inserts valid rows and returns them.
const uniq = () => randomBytes(3).toString('hex');

export const newLocation = async (db: DbOrTx, orgId: string, over: Partial<typeof schema.locations.$inferInsert> = {}) =>
  (
    await db
      .insert(schema.locations)
      .values({ organizationId: orgId, name: `Site ${uniq()}`, address1: '1 Main St', city: 'Los Angeles', postalCode: '90001', ...over })
      .returning()
  )[0]!;

export const newService = async (
  db: DbOrTx,
  orgId: string,
  over: Partial<typeof schema.services.$inferInsert> & { locationIds?: string[] } = {},
) => {
  const { locationIds = [], ...rest } = over;
  const [row] = await db
    .insert(schema.services)
    .values({ organizationId: orgId, name: `Service ${uniq()}`, languages: ['en'], spas: ['spa4'], categories: ['food-insecurity'], ...rest })
    .returning();
  if (locationIds.length) await db.insert(schema.serviceLocations).values(locationIds.map((locationId) => ({ serviceId: row!.id, locationId })));
  return row!;
};

/** Same hours every day of the week. */
export const everyDay = async (db: DbOrTx, serviceId: string, opensAt: string, closesAt: string) =>
  db.insert(schema.schedules).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ serviceId, weekday, opensAt, closesAt })));
