import { Link } from 'react-router';
import { ATTENDEE_GROUPS } from '@tandem/contract';
import { Card } from '../../../components/ui/card';
import { Fact } from '../../../components/ui/fact';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatCalendarDate, formatDateTime } from '../../../lib/format';
import { spaLabel } from '../../../lib/labels';
import type { EngagementEvent } from '../api/queries';

/** What an event was: when, where, who came; the internal notes and follow-ups when the reader may see them. */
export function EventFacts({ event: e }: { event: EngagementEvent }) {
  const { t, locale } = useI18n();
  const groups = ATTENDEE_GROUPS.filter((g) => e.attendeesByGroup[g] != null);
  return (
    <>
      <Card title={t('engagement.details')}>
        <dl className="facts engagement-facts">
          <Fact label={t('engagement.fieldStarts')}>{formatDateTime(e.startsAt, locale)}</Fact>
          <Fact label={t('engagement.fieldDuration')}>{e.durationMinutes ? t('engagement.minutes', { n: e.durationMinutes }) : '—'}</Fact>
          <Fact label={t('engagement.colSpas')}>{e.spas.map(spaLabel).join(', ')}</Fact>
          <Fact label={t('engagement.fieldModality')}>{t(`engagementModality.${e.modality}`)}{e.address ? ` · ${e.address}` : ''}</Fact>
          <Fact label={t('engagement.colPopulations')}>{e.focusPopulations.map((p) => t(`focus.${p}`)).join(', ')}</Fact>
          <Fact label={t('engagement.fieldAttendees')}>
            {e.attendeeCount}
            {groups.length > 0 && <span className="engagement-groups-line">{groups.map((g) => `${t(`engagementGroup.${g}`)}: ${e.attendeesByGroup[g]}`).join(' · ')}</span>}
          </Fact>
          <Fact label={t('engagement.partners')}>
            {e.organizations.length
              ? e.organizations.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 && ', '}
                    <Link to={paths.directoryOrganization.href(o.id)}>{o.name}</Link>
                  </span>
                ))
              : '—'}
          </Fact>
          <Fact label={t('engagement.staffLeads')}>{e.staffLeads.length ? e.staffLeads.map((s) => s.name).join(', ') : '—'}</Fact>
        </dl>
      </Card>
      {e.view === 'full' && (
        <Card title={t('engagement.internal')}>
          <p className="engagement-summary">{e.summary || t('engagement.noSummary')}</p>
          <h3 className="engagement-subhead">{t('engagement.followUps')}</h3>
          {e.followUps?.length ? (
            <ul className="engagement-follow-up-list">
              {e.followUps.map((f, i) => (
                <li key={i} className={f.done ? 'is-done' : undefined}>
                  {f.done ? `✓ ${t('engagement.followUpDone')}: ` : ''}
                  {f.text}
                  {f.owner ? ` — ${f.owner}` : ''}
                  {f.dueDate ? ` (${formatCalendarDate(f.dueDate, locale)})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('engagement.noFollowUps')}</p>
          )}
        </Card>
      )}
    </>
  );
}
