import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { Table } from '../../../components/ui/table';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatCalendarDate, todayInput } from '../../../lib/format';
import { useReloadStipends, useUpdateStipend, type StipendPayment, type StipendPaymentList, type StipendTotals } from '../api/stipend-queries';
import { formatMoney } from './stipend-money';

/** Per member, the year's total with the threshold flag (at or over it: reported to the tax authority). */
export function StipendTotalsTable({ totals }: { totals: StipendTotals }) {
  const { t, locale } = useI18n();
  if (totals.data.length === 0) return <EmptyState title={t('stipends.noTotals', { year: totals.year })} />;
  return (
    <Table
      label={t('stipends.totalsTitle', { year: totals.year })}
      head={
        <>
          <th scope="col">{t('stipends.member')}</th>
          <th scope="col">{t('stipends.total')}</th>
          <th scope="col">{t('stipends.payments')}</th>
          <th scope="col">{t('stipends.methods')}</th>
          <th scope="col">{t('stipends.threshold')}</th>
        </>
      }
    >
      {totals.data.map((r) => (
        <tr key={r.memberId}>
          <td>{r.memberName}</td>
          <td className="stipend-amount">{formatMoney(r.totalCents, locale)}</td>
          <td>{r.payments}</td>
          <td>{r.methods.map((m) => t(`boards.stipend.${m}` as MessageKey)).join(', ')}</td>
          <td>{r.reachesThreshold ? <Badge tone="warning">{t('stipends.reaches')}</Badge> : <span className="board-muted">{t('stipends.under')}</span>}</td>
        </tr>
      ))}
    </Table>
  );
}

export function StipendAdvancesTable({ advances }: { advances: StipendPaymentList['advances'] }) {
  const { t, locale } = useI18n();
  if (advances.length === 0) return <EmptyState title={t('stipends.noAdvances')} />;
  return (
    <Table
      label={t('stipends.advancesTitle')}
      head={
        <>
          <th scope="col">{t('stipends.member')}</th>
          <th scope="col">{t('stipends.advanced')}</th>
          <th scope="col">{t('stipends.earned')}</th>
          <th scope="col">{t('stipends.stillAdvanced')}</th>
          <th scope="col">{t('stipends.owed')}</th>
        </>
      }
    >
      {advances.map((a) => (
        <tr key={a.memberId}>
          <td>{a.memberName}</td>
          <td className="stipend-amount">{formatMoney(a.advancedCents, locale)}</td>
          <td className="stipend-amount">{formatMoney(a.earnedCents, locale)}</td>
          <td className="stipend-amount">{formatMoney(a.stillAdvancedCents, locale)}</td>
          <td className="stipend-amount">{formatMoney(a.owedCents, locale)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Issue a planned payment (with its paid date) or mark one returned, on the version the list showed. */
function PaymentActions({ boardId, p }: { boardId: string; p: StipendPayment }) {
  const { t } = useI18n();
  const [paidOn, setPaidOn] = useState(todayInput());
  const update = useUpdateStipend(boardId);
  const reload = useReloadStipends(boardId);
  if (p.status === 'returned') return <span className="board-muted">—</span>;
  return (
    <div className="stipend-actions">
      {p.status === 'planned' && (
        <>
          <input className="input stipend-date" type="date" aria-label={t('stipends.paidOnFor', { name: p.memberName })} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
          <Button size="sm" loading={update.isPending} disabled={!paidOn} onClick={() => update.mutate({ paymentId: p.id, version: p.version, body: { status: 'issued', paidOn } })}>
            {t('stipends.issue')}
          </Button>
        </>
      )}
      <Button size="sm" variant="secondary" loading={update.isPending} onClick={() => update.mutate({ paymentId: p.id, version: p.version, body: { status: 'returned' } })}>
        {t('stipends.markReturned')}
      </Button>
      {update.isError && !isStaleVersion(update.error) && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      {update.isError && isStaleVersion(update.error) && <StaleVersionAlert
          body={t('stipends.stale')}
          onReload={() => {
            update.reset();
            void reload();
          }}
        />}
    </div>
  );
}

export function StipendPaymentsTable({ boardId, payments }: { boardId: string; payments: StipendPayment[] }) {
  const { t, locale } = useI18n();
  if (payments.length === 0) return <EmptyState title={t('stipends.noPayments')} />;
  return (
    <Table
      label={t('stipends.paymentsTitle')}
      head={
        <>
          <th scope="col">{t('stipends.member')}</th>
          <th scope="col">{t('stipends.amount')}</th>
          <th scope="col">{t('stipends.purpose')}</th>
          <th scope="col">{t('stipends.method')}</th>
          <th scope="col">{t('stipends.paidOn')}</th>
          <th scope="col">{t('stipends.status')}</th>
          <th scope="col">{t('stipends.actions')}</th>
        </>
      }
    >
      {payments.map((p) => (
        <tr key={p.id}>
          <td>
            {p.memberName}
            {p.note && <span className="board-muted stipend-note">{p.note}</span>}
          </td>
          <td className="stipend-amount">
            {formatMoney(p.amountCents, locale)}
            {p.coveredByAdvanceCents > 0 && <span className="board-muted stipend-note">{t('stipends.coveredBy', { amount: formatMoney(p.coveredByAdvanceCents, locale) })}</span>}
          </td>
          <td>{t(`stipends.purpose.${p.purpose}` as MessageKey)}</td>
          <td>{t(`boards.stipend.${p.method}` as MessageKey)}</td>
          <td>{p.paidOn ? formatCalendarDate(p.paidOn, locale) : '—'}</td>
          <td>
            <Badge tone={p.status === 'issued' ? 'success' : p.status === 'returned' ? 'neutral' : 'info'}>{t(`stipends.status.${p.status}` as MessageKey)}</Badge>
          </td>
          <td>
            <PaymentActions boardId={boardId} p={p} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
