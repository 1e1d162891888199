import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { boardQueries } from '../api/queries';
import { stipendExportHref, stipendQueries } from '../api/stipend-queries';
import { StipendPayMeetingForm, StipendPolicyForm, StipendRecordForm } from './stipend-forms';
import { formatMoney } from './stipend-money';
import { StipendAdvancesTable, StipendPaymentsTable, StipendTotalsTable } from './stipend-tables';
import '../boards.css';
import '../stipends.css';

/**
 * A board's stipends for its coordinators: each member's calendar-year total flagged at the
 * year's information-return threshold, the year-end CSV, advances, payments (issue, return),
 * recording a payment, paying a meeting, and the policy. Payment and contact details: the API
 * answers 404 to anyone who does not coordinate the board.
 */
export function StipendsPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const board = useQuery(boardQueries.detail(boardId));
  const policy = useQuery(stipendQueries.policy(boardId));
  const payments = useQuery(stipendQueries.payments(boardId));
  const totals = useQuery(stipendQueries.totals(boardId, year));
  const members = useQuery(stipendQueries.members(boardId));
  const failed = board.error ?? policy.error ?? payments.error ?? members.error;
  const years = Array.from({ length: 4 }, (_, i) => thisYear + 1 - i);

  return (
    <>
      <p className="board-muted">{t('stipends.intro')}</p>
      {failed && <Alert tone="danger">{errorMessage(failed, t)}</Alert>}
      {!failed && (policy.isPending || payments.isPending || members.isPending) && <Spinner label={t('app.loading')} />}
      {policy.data && payments.data && members.data && (
        <div className="stipend-page">
          <Card title={t('stipends.totalsTitle', { year })} headingLevel={2}>
            <div className="stipend-year-bar">
              <div className="stipend-year">
                <SelectField label={t('stipends.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
              </div>
              <a className="btn btn-secondary stipend-export" href={stipendExportHref(boardId, year)} download>
                {t('stipends.export', { year })}
              </a>
            </div>
            {totals.data && <p className="board-muted">{t('stipends.thresholdIs', { year, amount: formatMoney(totals.data.thresholdCents, locale) })}</p>}
            {totals.isPending && <Spinner label={t('app.loading')} />}
            {totals.error && <Alert tone="danger">{errorMessage(totals.error, t)}</Alert>}
            {totals.data && <StipendTotalsTable totals={totals.data} />}
          </Card>
          <Card title={t('stipends.advancesTitle')} headingLevel={2}>
            <p className="board-muted">{t('stipends.advancesIntro')}</p>
            <StipendAdvancesTable advances={payments.data.advances} />
          </Card>
          <Card title={t('stipends.paymentsTitle')} headingLevel={2}>
            <StipendPaymentsTable boardId={boardId} payments={payments.data.data} />
          </Card>
          <div className="stipend-forms">
            <Card title={t('stipends.payMeeting')} headingLevel={2}>
              <StipendPayMeetingForm boardId={boardId} policy={policy.data} />
            </Card>
            <Card title={t('stipends.recordTitle')} headingLevel={2}>
              <StipendRecordForm key={policy.data.version} boardId={boardId} members={members.data.data} policy={policy.data} />
            </Card>
            <Card title={t('stipends.policyTitle')} headingLevel={2}>
              <StipendPolicyForm key={policy.data.version} boardId={boardId} policy={policy.data} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
