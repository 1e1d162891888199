import { useQuery } from '@tanstack/react-query';
import type { TimelineEntry } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import type { Locale } from '@tandem/contract';
import type { Translate } from '../../../i18n/i18n-provider';
import { TIMELINE_KIND_KEYS, timelineEventKey } from '../../../i18n/codes';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { referralQueries } from '../api/queries';
import './referrals.css';

/** `3 mar 2026, 10:30 · Llamada`: when and how of a first contact. */
const contactWhat = (at: string, method: string | null, t: Translate, locale: Locale) =>
  [formatDateTime(at, locale), method ? t(`firstContactMethod.${method as 'phone'}`) : null].filter(Boolean).join(' · ');

const describe = (e: TimelineEntry, t: Translate, locale: Locale) => {
  if (e.kind !== 'event') return t(TIMELINE_KIND_KEYS[e.kind]);
  if (e.eventType === 'first_contact' && e.firstContact) {
    const fc = e.firstContact;
    const now = contactWhat(fc.at, fc.method, t, locale);
    return fc.previousAt
      ? t('ref.tl.firstContactCorrected', { from: contactWhat(fc.previousAt, fc.previousMethod, t, locale), to: now })
      : t('ref.tl.firstContact', { what: now });
  }
  if (e.eventType === 'status_changed' && e.toStatus) return t('ref.tl.status', { status: t(`refStatus.${e.toStatus}`) });
  if (e.eventType === 'assigned') return e.assigneeName ? t('ref.assignedTo', { name: e.assigneeName }) : t('ref.unassigned');
  return t(timelineEventKey(e.eventType ?? 'updated'));
};

/** Someone reopening a referral again and again says nothing new: keep the last of each run of views by one person. */
const collapseViews = (entries: TimelineEntry[]) =>
  entries.filter((e, i) => {
    const next = entries[i + 1];
    return !(e.kind === 'view' && next?.kind === 'view' && next.actorUserId === e.actorUserId);
  });

/** Everything that happened, with who and when: changes, messages and opens. */
export function Timeline({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const timeline = useQuery(referralQueries.timeline(id));
  if (timeline.isPending) return <Spinner label={t('app.loading')} />;
  if (timeline.isError) return <Alert tone="danger">{errorMessage(timeline.error, t)}</Alert>;
  return (
    <ol className="ref-timeline" aria-label={t('ref.timeline')}>
      {collapseViews(timeline.data.data).map((e) => (
        <li key={`${e.kind}-${e.id}`} className={`ref-tl-${e.kind}`}>
          <p>
            <strong>{describe(e, t, locale)}</strong>
            {e.reason && ` · ${t(`closureReason.${e.reason}`)}`}
            {e.outcome && ` · ${t('ref.outcomeLine', { outcome: t(`outcome.${e.outcome}`) })}`}
          </p>
          {(e.note || e.body) && <p className="ref-tl-note">{e.body ?? e.note}</p>}
          <p className="muted ref-tl-meta">
            {[e.actorName ?? t('ref.system'), e.actorOrganizationName].filter(Boolean).join(' · ')} ·{' '}
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
