import { clean, DAYS, str, type Service } from './mappers';
import type { Json, ServiceBundle } from './repo';

// Rows → HSDS schedules: a service's weekly hours and its coming exceptions.

type Schedule = Service['schedules'][number];

/** HSDS `timezone`: the UTC offset in hours of an IANA time zone at an instant (undefined for an unknown zone). */
export const utcOffsetHours = (timeZone: unknown, at: Date) => {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: String(timeZone), timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
    if (!m) return undefined;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
  } catch {
    return undefined;
  }
};

/** A weekly interval; `timeZone` is the service's (weekly hours carry today's offset). */
export const scheduleOf = (x: Json, timeZone?: unknown): Schedule =>
  clean({
    id: x.id as string,
    service_id: x.service_id as string,
    location_id: str(x.location_id),
    timezone: timeZone === undefined ? undefined : utcOffsetHours(timeZone, new Date()),
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    interval: 1,
    byday: DAYS[(x.weekday as number) - 1]!,
    opens_at: x.opens_at as string,
    closes_at: x.closes_at as string,
  });

/**
 * A schedule_exception (holiday closure or special hours) as a one-day HSDS schedule: valid from
 * and to its date, that weekday only; a closed day has no opens_at/closes_at and says so in description.
 */
export const exceptionOf = (e: Json, timeZone: unknown): Schedule => {
  const date = e.date as string;
  const noon = new Date(`${date}T12:00:00Z`);
  const reason = str(e.reason);
  return clean({
    id: e.id as string,
    service_id: e.service_id as string,
    valid_from: date,
    valid_to: date,
    dtstart: date,
    until: date,
    timezone: utcOffsetHours(timeZone, noon),
    freq: 'WEEKLY' as const,
    wkst: 'MO' as const,
    interval: 1,
    byday: DAYS[(noon.getUTCDay() + 6) % 7]!,
    opens_at: e.closed ? undefined : (e.opens_at as string),
    closes_at: e.closed ? undefined : (e.closes_at as string),
    description: `${e.closed ? 'Closed' : 'Special hours'}${reason ? `: ${reason}` : ''}`,
  });
};

/** A service's weekly hours, then its coming exceptions by date. */
export const schedulesOf = (b: Pick<ServiceBundle, 's' | 'schedules' | 'exceptions'>, keep: (x: Json) => boolean = () => true) => [
  ...b.schedules.filter(keep).map((x) => scheduleOf(x, b.s.time_zone)),
  ...b.exceptions.map((e) => exceptionOf(e, b.s.time_zone)),
];
