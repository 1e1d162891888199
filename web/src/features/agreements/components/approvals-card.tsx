import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import type { Agreement } from '../api/queries';
import { useApproveAgreement } from '../api/use-save-agreement';

export type AgreementViewer = { networkAdmin: boolean; networkStaff: boolean; adminOf: string[] };

/**
 * A BAA's approvals, party by party, and the approve button for those who may approve it (a
 * network admin, or an org admin of a party that has not approved yet) while it waits.
 */
export function ApprovalsCard({ agreement: a, viewer, onReload }: { agreement: Agreement; viewer: AgreementViewer; onReload: () => void }) {
  const { t, locale } = useI18n();
  const approve = useApproveAgreement(a.id);
  const approvedBy = new Map(a.approvals.map((x) => [x.organizationId, x]));
  const waiting = a.status === 'draft' || a.status === 'negotiating';
  const mine = a.parties.filter((p) => viewer.adminOf.includes(p.id) && !approvedBy.has(p.id));
  const mayApprove = waiting && (viewer.networkAdmin || mine.length > 0);

  return (
    <Card title={t('agreementPage.approvals')}>
      <p className="agreement-approval-intro">{t(a.status === 'active' ? 'agreementPage.baaActive' : 'agreementPage.baaWaiting')}</p>
      <ul className="agreement-approvals" aria-label={t('agreementPage.approvals')}>
        {a.parties.map((p) => {
          const x = approvedBy.get(p.id);
          return (
            <li key={p.id} className={x ? 'is-approved' : undefined}>
              <span className="agreement-approval-party">{p.name}</span>
              <span>
                {x
                  ? t('agreementPage.approvedBy', { name: x.approvedByName ?? t('agreementPage.someone'), date: formatDateTime(x.approvedAt, locale) })
                  : waiting
                    ? t('agreementPage.notApproved')
                    : '—'}
              </span>
            </li>
          );
        })}
      </ul>
      {isStaleVersion(approve.error) ? <StaleVersionAlert body={t('dir.staleBody')} onReload={onReload} /> : approve.error ? <Alert tone="danger">{errorMessage(approve.error, t)}</Alert> : null}
      {mayApprove && (
        <Button loading={approve.isPending} onClick={() => approve.mutate(a.version)}>
          {viewer.networkAdmin ? t('agreementPage.approveNetwork') : t('agreementPage.approveFor', { org: mine.map((p) => p.name).join(', ') })}
        </Button>
      )}
    </Card>
  );
}
