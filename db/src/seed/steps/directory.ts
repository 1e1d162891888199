import type { Tx } from '../../client';
import type { SeedContext } from '../context';
import { seedContacts } from './contacts';
import { seedLocations } from './locations';
import { seedScheduleExceptions, seedSchedules, seedServiceLocations } from './schedules';
import { seedServices } from './services';

/** Locations, services, where and when they are offered, and named contacts. */
export const seedDirectory = async (tx: Tx, ctx: SeedContext) => {
  await seedLocations(tx, ctx);
  await seedServices(tx, ctx);
  await seedServiceLocations(tx, ctx);
  await seedSchedules(tx, ctx);
  await seedScheduleExceptions(tx, ctx);
  await seedContacts(tx, ctx);
};
