import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { localeTag, weekdayName } from '../../../lib/format';
import { engagementQueries, type EventFilters } from '../api/queries';

const TZ = 'America/Los_Angeles';
const laDay = new Intl.DateTimeFormat('en-CA', { timeZone: TZ });
/** An instant's day in Los Angeles, YYYY-MM-DD: events sit on the day the team lived them. */
export const laDateOf = (iso: string) => laDay.format(new Date(iso));
const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM plus `delta` months. */
export const shiftMonth = (month: string, delta: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/**
 * A month of events on their Los Angeles days: a Monday-first grid on wide screens, a list of the
 * days that have events on a phone (CSS). Every event is a link; the month moves with two buttons.
 */
export function EventsCalendar({ month, filters, onMonth }: { month: string; filters: Omit<EventFilters, 'from' | 'to'>; onMonth: (m: string) => void }) {
  const { t, locale } = useI18n();
  const last = daysIn(month);
  const list = useInfiniteQuery(engagementQueries.list({ ...filters, from: `${month}-01`, to: `${month}-${pad(last)}` }));
  // The whole month: fetch every page (50 a page) before drawing.
  useEffect(() => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [list.hasNextPage, list.isFetchingNextPage, list]);
  const events = (list.data?.pages.flatMap((p) => p.data) ?? []).slice().sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const byDay = new Map<string, typeof events>();
  for (const e of events) {
    const d = laDateOf(e.startsAt);
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
  }
  const monthName = new Intl.DateTimeFormat(localeTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const firstWeekday = (new Date(`${month}-01T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const time = new Intl.DateTimeFormat(localeTag(locale), { hour: 'numeric', minute: '2-digit', timeZone: TZ });
  const dayLabel = new Intl.DateTimeFormat(localeTag(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const days = Array.from({ length: last }, (_, i) => `${month}-${pad(i + 1)}`);

  return (
    <section className="engagement-calendar" aria-label={t('engagement.calendarLabel', { month: monthName })}>
      <div className="engagement-calendar-head">
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => onMonth(shiftMonth(month, -1))} aria-label={t('engagement.prevMonth')}>
          ‹
        </button>
        <h2 className="engagement-calendar-title" aria-live="polite">
          {monthName}
        </h2>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => onMonth(shiftMonth(month, 1))} aria-label={t('engagement.nextMonth')}>
          ›
        </button>
      </div>
      {list.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : list.isError ? (
        <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
      ) : (
        <>
          {events.length === 0 && <p className="engagement-calendar-empty">{t('engagement.calendarEmpty')}</p>}
          <div className="engagement-calendar-weekdays" aria-hidden="true">
            {[1, 2, 3, 4, 5, 6, 7].map((w) => (
              <span key={w}>{weekdayName(w, locale, 'short')}</span>
            ))}
          </div>
          <ol className="engagement-calendar-grid">
            {days.map((d, i) => {
              const evs = byDay.get(d) ?? [];
              return (
                <li
                  key={d}
                  className={`engagement-calendar-day${evs.length ? ' has-events' : ''}`}
                  style={i === 0 ? { gridColumnStart: firstWeekday + 1 } : undefined}
                  data-date={d}
                >
                  <h3 className="engagement-calendar-date">
                    <span className="visually-hidden">{dayLabel.format(new Date(`${d}T00:00:00Z`))}</span>
                    <span aria-hidden="true" className="engagement-calendar-num">
                      {Number(d.slice(8))}
                    </span>
                    <span aria-hidden="true" className="engagement-calendar-long">
                      {dayLabel.format(new Date(`${d}T00:00:00Z`))}
                    </span>
                  </h3>
                  {evs.length > 0 && (
                    <ul>
                      {evs.map((e) => (
                        <li key={e.id}>
                          <Link to={paths.engagementEvent.href(e.id)}>
                            <span className="engagement-calendar-time">{time.format(new Date(e.startsAt))}</span> {e.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
