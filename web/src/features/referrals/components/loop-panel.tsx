import { isLoopClosable, type ReferralDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useChangeReferral } from '../api/use-change-referral';
import { StaleNotice } from './stale-notice';
import type { Viewer } from './work-panel';
import './referrals.css';

/**
 * Closing the loop, shown to both sides once the receiver recorded an outcome: the outcome, and
 * who marked it seen and when; until then the sender gets the button and the receiver a wait.
 * The status does not change: completed stays completed.
 */
export function LoopPanel({ r, viewer }: { r: ReferralDetail; viewer: Viewer }) {
  const { t, locale } = useI18n();
  const change = useChangeReferral(r.id);
  if (!isLoopClosable(r.status)) return null;
  const sender = viewer.orgIds.includes(r.sendingOrganizationId);
  return (
    <section className="ref-loop stack" aria-label={t('ref.loop')}>
      {r.outcome && <p className="ref-loop-outcome">{t('ref.outcomeLine', { outcome: t(`outcome.${r.outcome}`) })}</p>}
      {r.loopClosedAt ? (
        <p className="ref-loop-closed">
          {t('ref.loopClosedBy', {
            name: r.loopClosedBy?.name ?? r.sendingOrganizationName,
            org: r.loopClosedBy?.organizationName ?? r.sendingOrganizationName,
            when: formatDateTime(r.loopClosedAt, locale),
          })}
        </p>
      ) : sender ? (
        <>
          <p className="muted">{t('ref.loopAwaitingYou', { org: r.receivingOrganizationName ?? '—' })}</p>
          {isStaleVersion(change.error) ? (
            <StaleNotice id={r.id} onReload={() => change.reset()} />
          ) : (
            change.error && <Alert tone="danger">{errorMessage(change.error, t)}</Alert>
          )}
          <div className="ref-actions">
            <Button loading={change.isPending} onClick={() => change.mutate({ kind: 'loopClosed', version: r.version })}>
              {t('ref.markLoopClosed')}
            </Button>
          </div>
        </>
      ) : (
        <p className="muted">{t('ref.loopAwaitingSender', { org: r.sendingOrganizationName })}</p>
      )}
    </section>
  );
}
