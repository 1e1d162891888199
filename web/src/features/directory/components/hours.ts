import type { Locale, ScheduleException, ScheduleInterval } from '@tandem/contract';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const tag = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US');

/** ISO weekday (1 = Monday) to its name; 2024-01-01 was a Monday. */
export const weekdayName = (weekday: number, locale: Locale, style: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat(tag(locale), { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

/** "09:00" or "09:00:00" → "9:00 AM" (en) / "9:00 a. m." (es). */
export const formatTime = (hhmm: string, locale: Locale) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(tag(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
};
export const hhmm = (t: string) => t.slice(0, 5);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const formatRange = (iv: { opensAt: string; closesAt: string }, locale: Locale) =>
  `${formatTime(iv.opensAt, locale)} – ${formatTime(iv.closesAt, locale)}`;

/** Today's date, ISO weekday and minute of the day in the service's time zone. */
export const nowIn = (timeZone: string, now = new Date()) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
};

/** Today's intervals, taking a dated exception over the weekly pattern. */
export const todaysHours = (schedule: { intervals: ScheduleInterval[]; exceptions: ScheduleException[] }, timeZone: string) => {
  const now = nowIn(timeZone);
  const exception = schedule.exceptions.find((e) => e.date === now.date);
  const intervals = exception
    ? exception.closed || !exception.opensAt || !exception.closesAt
      ? []
      : [{ opensAt: exception.opensAt, closesAt: exception.closesAt }]
    : schedule.intervals.filter((iv) => iv.weekday === now.weekday).sort((a, b) => minutes(a.opensAt) - minutes(b.opensAt));
  const openNow = intervals.some((iv) => minutes(iv.opensAt) <= now.minute && now.minute < minutes(iv.closesAt));
  return { ...now, intervals, exception, openNow };
};

export const upcomingExceptions = (exceptions: ScheduleException[], timeZone: string) => {
  const today = nowIn(timeZone).date;
  return exceptions.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date));
};
