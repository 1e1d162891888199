// Business-hours SLA clock (ARCHITECTURE §3 "SLAs"). Pure: the caller passes every instant and
// the holiday list. Local time comes from Intl.DateTimeFormat, so daylight-saving changes are
// handled by the platform's time-zone data rather than by a date library.

export const SLA_TIME_ZONE = 'America/Los_Angeles';
/** Default acknowledgement target: 2 business days (ARCHITECTURE §3). */
export const DEFAULT_ACK_SLA_HOURS = 16;
/** Default first-contact target: 5 business days. */
export const DEFAULT_FIRST_CONTACT_SLA_HOURS = 40;

export interface BusinessHoursOptions {
  /** Local dates (YYYY-MM-DD) on which no business hours count. Default: none. */
  holidays?: readonly string[];
  /** IANA time zone of the business day. Default America/Los_Angeles. */
  timeZone?: string;
  /** Local hour the business day starts (default 9) and ends (default 17). */
  dayStart?: number;
  dayEnd?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** Milliseconds to add to UTC to get local wall-clock time in `timeZone` at `ms`. */
const offsetAt = (ms: number, timeZone: string): number => {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (ms - (ms % 1000));
};

/**
 * The instant of local wall-clock time `wallMs` (a UTC-encoded local time) in `timeZone`. Two
 * passes settle the offset across a DST change; business hours never fall in the 02:00 gap.
 */
const fromWall = (wallMs: number, timeZone: string): number => {
  const first = wallMs - offsetAt(wallMs, timeZone);
  return wallMs - offsetAt(first, timeZone);
};

const ymd = (dayMs: number) => new Date(dayMs).toISOString().slice(0, 10);

/**
 * `start` plus `hours` business hours: Monday–Friday, dayStart–dayEnd local time, skipping
 * `holidays`. A start outside business hours begins at the next business start, so adding 0
 * hours gives the moment the clock starts. A due time that lands exactly on the end of a
 * business day stays there (Mon 09:00 + 8h = Mon 17:00, not Tue 09:00).
 */
export const addBusinessHours = (start: Date, hours: number, opts: BusinessHoursOptions = {}): Date => {
  const { holidays = [], timeZone = SLA_TIME_ZONE, dayStart = 9, dayEnd = 17 } = opts;
  if (Number.isNaN(start.getTime())) throw new RangeError('start is not a valid date');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('hours must be a finite number ≥ 0');
  if (!(dayStart >= 0 && dayEnd <= 24 && dayStart < dayEnd)) throw new RangeError('need 0 ≤ dayStart < dayEnd ≤ 24');
  const closed = new Set(holidays);

  let remaining = hours * HOUR;
  let cursor = start.getTime();
  // Local calendar day of the start, as midnight UTC of that date.
  const wall = cursor + offsetAt(cursor, timeZone);
  let day = wall - (((wall % DAY) + DAY) % DAY);
  // Ten years of holidays-only days would be a configuration error, not a due date.
  for (let i = 0; i < 3660; i++, day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6 || closed.has(ymd(day))) continue;
    const open = fromWall(day + dayStart * HOUR, timeZone);
    const close = fromWall(day + dayEnd * HOUR, timeZone);
    const from = Math.max(cursor, open);
    if (from >= close) continue;
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
    cursor = close;
  }
  throw new RangeError('no business day found within ten years; check the holiday list');
};

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Day of month of the nth (1-based) `weekday` (0 = Sunday) of month m (1-12). */
const nthWeekday = (y: number, m: number, weekday: number, n: number) => {
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
};
const lastWeekday = (y: number, m: number, weekday: number) => {
  const lastDay = new Date(Date.UTC(y, m, 0));
  return lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7);
};
/** A fixed-date holiday moves to Monday from a Sunday and to Friday from a Saturday. */
const observed = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  const shift = date.getUTCDay() === 0 ? 1 : date.getUTCDay() === 6 ? -1 : 0;
  return ymd(date.getTime() + shift * DAY);
};

/**
 * California state holidays observed (offices closed) on days in `year`, sorted. Because a
 * Saturday New Year's Day is observed on the Friday before, that day belongs to the previous
 * year's list (e.g. 2022-01-01 → 2021-12-31 is in californiaStateHolidays(2021)).
 */
export const californiaStateHolidays = (year: number): string[] => {
  const fixed = (y: number) => [observed(y, 1, 1), observed(y, 3, 31), observed(y, 7, 4), observed(y, 11, 11), observed(y, 12, 25)];
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  const days = [
    ...fixed(year),
    observed(year + 1, 1, 1),
    iso(year, 1, nthWeekday(year, 1, 1, 3)), // Martin Luther King Jr. Day
    iso(year, 2, nthWeekday(year, 2, 1, 3)), // Presidents' Day
    iso(year, 5, lastWeekday(year, 5, 1)), // Memorial Day
    iso(year, 9, nthWeekday(year, 9, 1, 1)), // Labor Day
    iso(year, 11, thanksgiving),
    iso(year, 11, thanksgiving + 1),
  ];
  return [...new Set(days.filter((d) => d.startsWith(`${year}-`)))].sort();
};

export interface SlaDueDatesInput {
  sentAt: Date;
  ackSlaHours?: number;
  firstContactSlaHours?: number;
  /** Default: California state holidays around sentAt. */
  holidays?: readonly string[];
}

/** Both SLA clocks run from the moment the referral was sent. */
export const slaDueDates = ({
  sentAt,
  ackSlaHours = DEFAULT_ACK_SLA_HOURS,
  firstContactSlaHours = DEFAULT_FIRST_CONTACT_SLA_HOURS,
  holidays,
}: SlaDueDatesInput): { acknowledgeBy: Date; firstContactBy: Date } => {
  const y = sentAt.getUTCFullYear();
  const days = holidays ?? [y - 1, y, y + 1].flatMap(californiaStateHolidays);
  return {
    acknowledgeBy: addBusinessHours(sentAt, ackSlaHours, { holidays: days }),
    firstContactBy: addBusinessHours(sentAt, firstContactSlaHours, { holidays: days }),
  };
};

type Instant = Date | string | null | undefined;
const ms = (t: Instant) => (t == null ? null : new Date(t).getTime());

/**
 * Whether a step missed its target: not done and `now` is past due, or done after the due
 * time (a late acknowledgement stays counted as overdue in reports). No due time: never.
 */
export const isOverdue = ({ dueAt, doneAt, now }: { dueAt: Instant; doneAt?: Instant; now: Date }): boolean => {
  const due = ms(dueAt);
  if (due == null || Number.isNaN(due)) return false;
  const done = ms(doneAt);
  return (done ?? now.getTime()) > due;
};
