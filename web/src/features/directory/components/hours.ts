import type { ScheduleException, ScheduleInterval } from '@tandem/contract';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const hhmm = (t: string) => t.slice(0, 5);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));


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
