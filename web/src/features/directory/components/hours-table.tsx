import type { ServiceDetail } from '@tandem/contract';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDate, formatRange, weekdayName } from '../../../lib/format';
import { nowIn, upcomingExceptions, WEEKDAYS } from './hours';
import './directory.css';

/** The weekly hours (today highlighted) and the dated exceptions still to come. */
export function HoursTable({ service }: { service: ServiceDetail }) {
  const { t, locale } = useI18n();
  const { schedule, locations } = service;
  const today = nowIn(service.timeZone).weekday;
  const siteName = (id: string | null | undefined) => (id ? locations.find((l) => l.id === id)?.name : undefined);
  const exceptions = upcomingExceptions(schedule.exceptions, service.timeZone);
  if (schedule.intervals.length === 0 && exceptions.length === 0) return <p className="muted">{t('dir.noHours')}</p>;
  return (
    <>
      {/* A plain two-column table: short enough to stay a table on a phone (no card layout). */}
      <table className="hours-table">
        <caption className="visually-hidden">{t('dir.weeklyHours')}</caption>
        <tbody>
        {WEEKDAYS.map((d) => {
          const day = schedule.intervals.filter((iv) => iv.weekday === d).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
          return (
            <tr key={d} className={d === today ? 'row-today' : undefined} aria-current={d === today ? 'date' : undefined}>
              <th scope="row">
                {weekdayName(d, locale)}
                {d === today && <span className="muted"> · {t('dir.today')}</span>}
              </th>
              <td>
                {day.length === 0
                  ? t('dir.closed')
                  : day.map((iv, i) => (
                      <span key={i} className="hours-interval">
                        {formatRange(iv, locale)}
                        {siteName(iv.locationId) && <span className="muted"> ({siteName(iv.locationId)})</span>}
                      </span>
                    ))}
              </td>
            </tr>
          );
        })}
        </tbody>
      </table>
      {exceptions.length > 0 && (
        <>
          <h3 className="subheading">{t('dir.upcomingExceptions')}</h3>
          <ul className="plain-list exception-list">
            {exceptions.slice(0, 10).map((e) => (
              <li key={e.date}>
                <strong>{formatDate(`${e.date}T12:00:00Z`, locale)}</strong>:{' '}
                {e.closed || !e.opensAt || !e.closesAt ? t('dir.closed') : formatRange({ opensAt: e.opensAt, closesAt: e.closesAt }, locale)}
                {e.reason && <span className="muted"> · {e.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
