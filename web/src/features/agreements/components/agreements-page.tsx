import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { ListFooter } from '../../../components/ui/list-footer';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { pickParam } from '../../../lib/use-url-filters';
import { agreementQueries, type AgreementFilters } from '../api/queries';
import { day, statusTone } from './labels';
import './agreements.css';

const WINDOWS = [30, 60, 90, 180, 365] as const;
/** The renewals-due view: agreements ending within this many days. */
export const RENEWAL_WINDOW = 90;

/**
 * Agreements between partners (MOUs, contracts, data sharing), with the ones about to end first.
 * `canCreate`: network staff record new ones (the API refuses others).
 */
export function AgreementsPage({ canCreate }: { canCreate: boolean }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const within = Number(params.get('expiringWithinDays'));
  const filters: AgreementFilters = {
    kind: pickParam(AGREEMENT_KINDS, params.get('kind')),
    status: pickParam(AGREEMENT_STATUSES, params.get('status')),
    expiringWithinDays: (WINDOWS as readonly number[]).includes(within) ? within : undefined,
  };
  const setParam = (key: string, value: string) => {
    const p = new URLSearchParams(window.location.search);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const list = useInfiniteQuery({ ...agreementQueries.list(filters), placeholderData: keepPreviousData });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('agreements.title')}
        description={t('agreements.intro')}
        actions={
          <>
            <Link className="btn btn-secondary" to={`${paths.directoryAgreements.href()}?expiringWithinDays=${RENEWAL_WINDOW}`}>
              {t('agreements.renewalsDue')}
            </Link>
            {canCreate && (
              <Link className="btn btn-primary" to={paths.directoryAgreementNew.href()}>
                {t('agreements.new')}
              </Link>
            )}
          </>
        }
      />
      <Card>
        <form className="filters" role="search" aria-label={t('agreements.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t('agreements.expiring')}
            name="expiringWithinDays"
            value={filters.expiringWithinDays ? String(filters.expiringWithinDays) : ''}
            placeholder={t('agreements.anyEnd')}
            options={WINDOWS.map((n) => ({ value: String(n), label: t('agreements.withinDays', { days: n }) }))}
            onChange={(e) => setParam('expiringWithinDays', e.target.value)}
          />
          <SelectField
            label={t('agreements.kind')}
            name="kind"
            value={filters.kind ?? ''}
            placeholder={t('agreements.anyKind')}
            options={AGREEMENT_KINDS.map((v) => ({ value: v, label: t(`agreementKind.${v}`) }))}
            onChange={(e) => setParam('kind', e.target.value)}
          />
          <SelectField
            label={t('agreements.status')}
            name="status"
            value={filters.status ?? ''}
            placeholder={t('agreements.anyStatus')}
            options={AGREEMENT_STATUSES.map((v) => ({ value: v, label: t(`agreementStatus.${v}`) }))}
            onChange={(e) => setParam('status', e.target.value)}
          />
        </form>
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title={t('agreements.emptyTitle')}>{t('agreements.empty')}</EmptyState>
        ) : (
          <>
            {(WINDOWS as readonly number[]).includes(within) && (
              <p className="agreements-window" role="status">
                {t('agreements.endingWithin', { days: within })}
              </p>
            )}
            <Table
              label={t('agreements.listLabel')}
              head={
                <>
                  <th scope="col">{t('agreements.colTitle')}</th>
                  <th scope="col">{t('agreements.colParties')}</th>
                  <th scope="col">{t('agreements.status')}</th>
                  <th scope="col">{t('agreements.colEnds')}</th>
                  <th scope="col">{t('agreements.colRenewal')}</th>
                </>
              }
            >
              {rows.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link className="cell-title" to={paths.directoryAgreement.href(a.id)}>
                      {a.title}
                    </Link>
                    <span className="cell-sub">{t(`agreementKind.${a.kind}`)}</span>
                  </th>
                  <td data-label={t('agreements.colParties')}>
                    {a.parties.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 && ', '}
                        <Link to={paths.directoryOrganization.href(p.id)}>{p.name}</Link>
                      </span>
                    ))}
                  </td>
                  <td data-label={t('agreements.status')}>
                    <Badge tone={statusTone[a.status]}>{t(`agreementStatus.${a.status}`)}</Badge>
                  </td>
                  <td data-label={t('agreements.colEnds')}>{a.endDate ? day(a.endDate, locale) : t('agreements.openEnded')}</td>
                  <td data-label={t('agreements.colRenewal')}>{day(a.renewalDue, locale)}</td>
                </tr>
              ))}
            </Table>
            <ListFooter pages={list} summary={t('common.showing', { count: rows.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
