import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { pickParam, useUrlFilters } from '../../../lib/use-url-filters';
import { REFERRAL_STATUSES, SDOH_CATEGORIES, type ReferralDirection, type ReferralStatus, type SdohCategory } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { ListFooter } from '../../../components/ui/list-footer';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { referralQueries } from '../api/queries';
import { InboxList } from './inbox-list';
import './referrals.css';
import { FiltersFold } from '../../../components/ui/filters-fold';


type TabsProps = {
  box: ReferralDirection;
  status: ReferralStatus | undefined;
  overdue: boolean;
  onChange: (c: Record<string, string | undefined>) => void;
};

/** One tab per status the box holds (with its count), plus "overdue" when anything is late. */
function StatusTabs({ box, status, overdue, onChange: set }: TabsProps) {
  const t = useT();
  const counts = useQuery(referralQueries.counts(box));
  const byStatus: Partial<Record<ReferralStatus, number>> = counts.data?.byStatus ?? {};
  const shownStatuses = REFERRAL_STATUSES.filter((s) => (byStatus[s] ?? 0) > 0 || s === status);
  return (
    <div className="ref-status-tabs" role="group" aria-label={t('ref.statusTabs')}>
      <button type="button" aria-pressed={!status} onClick={() => set({ status: undefined })}>
        {t('ref.allStatuses')}{' '}
        <span className="ref-count">{counts.data ? Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0) : '…'}</span>
      </button>
      {shownStatuses.map((s) => (
        <button key={s} type="button" aria-pressed={status === s} onClick={() => set({ status: s })}>
          {t(`refStatus.${s}`)} <span className="ref-count">{byStatus[s] ?? 0}</span>
        </button>
      ))}
      {counts.data && counts.data.overdue > 0 && (
        <button
          type="button"
          className="ref-overdue-tab"
          aria-pressed={overdue}
          onClick={() => set({ overdue: overdue ? undefined : 'true' })}
        >
          {t('ref.overdue')} <span className="ref-count">{counts.data.overdue}</span>
        </button>
      )}
    </div>
  );
}

/** Received / Sent boxes with status tabs and filters; all of it lives in the URL. */
export function InboxPage() {
  const t = useT();
  const [params, set] = useUrlFilters();
  const box: ReferralDirection = params.get('box') === 'sent' ? 'sent' : 'received';
  const status = pickParam<ReferralStatus>(REFERRAL_STATUSES, params.get('status'));
  const need = pickParam<SdohCategory>(SDOH_CATEGORIES, params.get('need'));
  const overdue = params.get('overdue') === 'true';
  // assigneeId is the receiving staff member: on the sent box "mine" means sentBy=me instead.
  const assigneeId = box === 'received' ? pickParam(['me', 'none'] as const, params.get('assignee')) : undefined;
  const sentBy = box === 'sent' ? pickParam(['me'] as const, params.get('sentBy')) : undefined;
  const returned = box === 'sent' && params.get('returned') === 'true';
  const unread = params.get('unread') === 'true';
  const sort = params.get('sort') === 'urgency' ? 'urgency' : undefined;
  // Open referrals (and drafts) unless asked otherwise; a status tab or "came back" decides for itself.
  const show = pickParam(['closed', 'all'] as const, params.get('show')) ?? 'open';
  const closed = status || returned ? undefined : show === 'all' ? undefined : show === 'closed';
  const activeFilters = [need, assigneeId, sentBy, overdue || undefined, unread || undefined, returned || undefined, sort, show !== 'open' ? show : undefined].filter(Boolean).length;
  const [q, setQ] = useState(params.get('q') ?? '');
  const debouncedQ = useDebouncedValue(q.trim());


  const list = useInfiniteQuery({
    ...referralQueries.list({ box, status, need, overdue, assigneeId, sentBy, closed, returned, unread, sort, q: debouncedQ || undefined }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('ref.inboxTitle')}
        description={t('ref.inboxIntro')}
        actions={
          <Link className="btn btn-primary" to={paths.referralsNew.href()}>
            {t('ref.new')}
          </Link>
        }
      />
      <nav className="ref-box-tabs" aria-label={t('ref.boxes')}>
        {(['received', 'sent'] as const).map((b) => (
          <button
            key={b}
            type="button"
            aria-pressed={box === b}
            onClick={() => set({ box: b === 'sent' ? 'sent' : undefined, status: undefined, assignee: undefined, sentBy: undefined, returned: undefined })}
          >
            {t(`ref.box.${b}`)}
          </button>
        ))}
      </nav>
      <Card>
        <StatusTabs box={box} status={status} overdue={overdue} onChange={set} />
        <FiltersFold active={activeFilters}>
          <form className="filters ref-filters" role="search" aria-label={t('ref.filters')} onSubmit={(e) => e.preventDefault()}>
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
            <SelectField
              label={t('ref.need')}
              name="need"
              value={need ?? ''}
              placeholder={t('ref.anyNeed')}
              options={SDOH_CATEGORIES.map((c) => ({ value: c, label: t(`sdoh.${c}`) }))}
              onChange={(e) => set({ need: e.target.value || undefined })}
            />
            {box === 'received' ? (
              <SelectField
                label={t('ref.assignee')}
                name="assignee"
                value={assigneeId ?? ''}
                placeholder={t('ref.anyone')}
                options={[
                  { value: 'me', label: t('ref.assignedToMe') },
                  { value: 'none', label: t('ref.unassigned') },
                ]}
                onChange={(e) => set({ assignee: e.target.value || undefined })}
              />
            ) : (
              <SelectField
                label={t('ref.sentBy')}
                name="sentBy"
                value={sentBy ?? ''}
                placeholder={t('ref.anyone')}
                options={[{ value: 'me', label: t('ref.sentByMe') }]}
                onChange={(e) => set({ sentBy: e.target.value || undefined })}
              />
            )}
            <SelectField
              label={t('ref.show')}
              name="show"
              value={show}
              options={[
                { value: 'open', label: t('ref.showOpen') },
                { value: 'closed', label: t('ref.showClosed') },
                { value: 'all', label: t('ref.showAll') },
              ]}
              onChange={(e) => set({ show: e.target.value === 'open' ? undefined : e.target.value })}
            />
            <SelectField
              label={t('ref.sort')}
              name="sort"
              value={sort ?? 'newest'}
              options={[
                { value: 'newest', label: t('ref.sortNewest') },
                { value: 'urgency', label: t('ref.sortUrgency') },
              ]}
              onChange={(e) => set({ sort: e.target.value === 'urgency' ? 'urgency' : undefined })}
            />
            <div className="ref-filter-checks">
              <label className="checkbox ref-overdue-filter">
                <input type="checkbox" checked={overdue} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} />
                <span className="checkbox-label">{t('ref.onlyOverdue')}</span>
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={unread} onChange={(e) => set({ unread: e.target.checked ? 'true' : undefined })} />
                <span className="checkbox-label">{t('ref.onlyUnread')}</span>
              </label>
              {box === 'sent' && (
                <label className="checkbox">
                  <input type="checkbox" checked={returned} onChange={(e) => set({ returned: e.target.checked ? 'true' : undefined })} />
                  <span className="checkbox-label">{t('ref.onlyReturned')}</span>
                </label>
              )}
            </div>
          </form>
        </FiltersFold>
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title={t('ref.emptyTitle')}>{t(box === 'sent' ? 'ref.emptySent' : 'ref.emptyReceived')}</EmptyState>
        ) : (
          <>
            <InboxList rows={rows} box={box} />
            <ListFooter pages={list} summary={t('common.showing', { count: rows.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
