import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { idParam, pickParam, useUrlFilters } from '../../../lib/use-url-filters';
import { REFERRAL_STATUSES, SDOH_CATEGORIES, SPA_CODES, type ReferralListItem, type ReferralStatus, type SdohCategory, type Spa } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListFooter } from '../../../components/ui/list-footer';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { spaLabel } from '../../../lib/labels';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { partnerQueries, referralQueries } from '../api/queries';
import { NeedTags, StatusBadge } from './labels';
import './referrals.css';


/**
 * Every referral sent in the network, read-only (GET /referrals?box=network). Network admins see
 * the client's name and open any referral; the collaboration team sees where each went, for which
 * needs and how it is going, and opens only those their own organization is on (the API answers
 * 404 for the rest: docs/decisions/0006-network-referral-box.md).
 */
export function NetworkReferralsPage({ fullSight, myOrgIds }: { fullSight: boolean; myOrgIds: readonly string[] }) {
  const { t, locale } = useI18n();
  const [params, set] = useUrlFilters();
  const organizationId = idParam(params.get('org'));
  const spa = pickParam<Spa>(SPA_CODES, params.get('spa'));
  const status = pickParam<ReferralStatus>(REFERRAL_STATUSES.filter((s) => s !== 'draft'), params.get('status'));
  const need = pickParam<SdohCategory>(SDOH_CATEGORIES, params.get('need'));
  const overdue = params.get('overdue') === 'true';
  const [q, setQ] = useState(params.get('q') ?? '');
  const debouncedQ = useDebouncedValue(q.trim());

  const orgs = useQuery(partnerQueries.organizations());
  const list = useInfiniteQuery({
    ...referralQueries.network({ organizationId, spa, status, need, overdue, q: fullSight ? debouncedQ || undefined : undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const canOpen = (r: ReferralListItem) => fullSight || myOrgIds.includes(r.sendingOrganizationId) || (r.receivingOrganizationId !== null && myOrgIds.includes(r.receivingOrganizationId));

  return (
    <>
      <PageHeader title={t('net.title')} description={t(fullSight ? 'net.intro' : 'net.introCollab')} />
      <Card>
        <form className="filters ref-filters" role="search" aria-label={t('net.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t('net.organization')}
            name="org"
            value={organizationId ?? ''}
            placeholder={t('net.anyOrganization')}
            options={(orgs.data?.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(e) => set({ org: e.target.value || undefined })}
          />
          <SelectField
            label={t('net.spa')}
            name="spa"
            value={spa ?? ''}
            placeholder={t('net.anySpa')}
            options={SPA_CODES.map((c) => ({ value: c, label: spaLabel(c) }))}
            onChange={(e) => set({ spa: e.target.value || undefined })}
          />
          <SelectField
            label={t('ref.need')}
            name="need"
            value={need ?? ''}
            placeholder={t('ref.anyNeed')}
            options={SDOH_CATEGORIES.map((c) => ({ value: c, label: t(`sdoh.${c}`) }))}
            onChange={(e) => set({ need: e.target.value || undefined })}
          />
          <SelectField
            label={t('net.status')}
            name="status"
            value={status ?? ''}
            placeholder={t('net.anyStatus')}
            options={REFERRAL_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`refStatus.${s}`) }))}
            onChange={(e) => set({ status: e.target.value || undefined })}
          />
          {fullSight && (
            <TextField
              label={t('ref.searchClient')}
              type="search"
              name="q"
              value={q}
              autoComplete="off"
              onChange={(e) => {
                setQ(e.target.value);
                set({ q: e.target.value.trim() || undefined });
              }}
            />
          )}
          <label className="checkbox ref-overdue-filter">
            <input type="checkbox" checked={overdue} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} />
            <span className="checkbox-label">{t('ref.onlyOverdue')}</span>
          </label>
        </form>
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title={t('ref.emptyTitle')}>{t('net.empty')}</EmptyState>
        ) : (
          <>
            <ul className="ref-list" aria-label={t('net.list')}>
              {rows.map((r) => {
                const late = r.overdue.acknowledge || r.overdue.firstContact;
                const route = t('net.fromTo', { from: r.sendingOrganizationName, to: r.receivingOrganizationName ?? t('ref.noPartner') });
                const title = fullSight ? (r.clientName ?? t('ref.noClient')) : route;
                return (
                  <li key={r.id} className="ref-row">
                    <div className="ref-row-main">
                      {canOpen(r) ? (
                        <Link className="ref-row-title" to={paths.referral.href(r.id)}>
                          {title}
                        </Link>
                      ) : (
                        <span className="ref-row-title ref-row-title-plain">{title}</span>
                      )}
                      <span className="ref-row-org">
                        {fullSight ? route : t('net.clientHidden')}
                        {r.receivingServiceName && ` · ${r.receivingServiceName}`}
                      </span>
                      <NeedTags needs={r.needs} />
                    </div>
                    <div className="ref-row-side">
                      <StatusBadge status={r.status} />
                      {late && <Badge tone="danger">{t('ref.overdue')}</Badge>}
                      {r.sentAt && <span className="muted ref-row-due">{t('net.sentOn', { when: formatDateTime(r.sentAt, locale) })}</span>}
                      {r.assigneeName && <span className="muted ref-row-due">{t('ref.assignedTo', { name: r.assigneeName })}</span>}
                    </div>
                  </li>
                );
              })}
            </ul>
            <ListFooter pages={list} summary={t('common.showing', { count: rows.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
