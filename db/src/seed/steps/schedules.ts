import type { Tx } from '../../client';
import { scheduleExceptions, schedules, serviceLocations } from '../../schema';
import { dateFrom, isoDate, type SeedContext } from '../context';
import { ORG } from '../data/organizations';
import { SCHEDULE_PATTERNS } from '../data/schedules';
import { count, insertAll } from './util';

/** Each service at its org's main site, and at the second site half of the time. */
export const seedServiceLocations = async (tx: Tx, ctx: SeedContext) => {
  const rows = ctx.services.flatMap((s) => {
    const sites = ctx.locations.filter((l) => l.orgKey === s.orgKey);
    const chosen = sites.length > 1 && ctx.rng.chance(0.5) ? sites : sites.slice(0, 1);
    return chosen.map((l) => ({ id: ctx.ids.uuid(), serviceId: s.id, locationId: l.id }));
  });
  count(ctx, 'serviceLocations', await insertAll(tx, serviceLocations, rows));
};

export const seedSchedules = async (tx: Tx, ctx: SeedContext) => {
  const rows = ctx.services.flatMap((s) =>
    SCHEDULE_PATTERNS[s.schedule].map((i) => ({
      id: ctx.ids.uuid(),
      serviceId: s.id,
      weekday: i.weekday,
      opensAt: i.opensAt,
      closesAt: i.closesAt,
    })),
  );
  count(ctx, 'schedules', await insertAll(tx, schedules, rows));
};

const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
/** Fourth Thursday of November. */
const thanksgiving = (y: number) => {
  const firstDow = utcDate(y, 10, 1).getUTCDay();
  return utcDate(y, 10, 1 + ((4 - firstDow + 7) % 7) + 21);
};

/** The next occurrence (on or after today) of each holiday the demo closes for. */
export const upcomingHolidays = (now: Date) => {
  const today = isoDate(now);
  const next = (f: (y: number) => Date) => {
    const y = now.getUTCFullYear();
    const d = isoDate(f(y));
    return d >= today ? d : isoDate(f(y + 1));
  };
  const christmas = next((y) => utcDate(y, 11, 25));
  return {
    thanksgiving: next(thanksgiving),
    christmasEve: `${christmas.slice(0, 4)}-12-24`,
    christmas,
    newYear: next((y) => utcDate(y, 0, 1)),
  };
};

type ExceptionRow = typeof scheduleExceptions.$inferInsert;

/** Holiday closures for about a third of the services, a reduced-hours day and a training day. */
export const seedScheduleExceptions = async (tx: Tx, ctx: SeedContext) => {
  const h = upcomingHolidays(ctx.now);
  const rows = new Map<string, ExceptionRow>();
  const add = (row: ExceptionRow) => rows.set(`${row.serviceId}|${row.date}`, row);
  const open = ctx.services.filter((s) => s.schedule !== 'always');
  for (const s of open) {
    if (!ctx.rng.chance(0.35)) continue;
    add({ serviceId: s.id, date: h.thanksgiving, closed: true, reason: 'Closed for Thanksgiving' });
    add({ serviceId: s.id, date: h.christmas, closed: true, reason: 'Closed for Christmas Day' });
    add({ serviceId: s.id, date: h.newYear, closed: true, reason: "Closed for New Year's Day" });
  }
  const pantry = ctx.services.find((s) => s.orgKey === ORG.foodBank && s.key === 'pantry');
  if (pantry) {
    add({
      serviceId: pantry.id,
      date: h.christmasEve,
      closed: false,
      opensAt: '08:00',
      closesAt: '12:00',
      reason: 'Christmas Eve: closing at noon',
    });
    add({ serviceId: pantry.id, date: h.christmas, closed: true, reason: 'Closed for Christmas Day' });
  }
  for (const s of ctx.rng.sample(open, 3)) {
    add({ serviceId: s.id, date: dateFrom(ctx.now, ctx.rng.int(5, 14)), closed: true, reason: 'Staff training day' });
  }
  const list = [...rows.values()].map((r) => ({ ...r, id: ctx.ids.uuid() }));
  count(ctx, 'scheduleExceptions', await insertAll(tx, scheduleExceptions, list));
};
