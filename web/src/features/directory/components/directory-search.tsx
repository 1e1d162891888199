import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { ListFooter } from '../../../components/ui/list-footer';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { serviceQueries, type SearchFilters } from '../api/queries';
import { NearMeButton } from './near-me-button';
import { SearchFilterPanel } from './search-filters';
import { filtersFromParams } from './search-params';
import { ServiceCard } from './service-card';
import { ShareActions } from './share-actions';
import { ZipField } from './zip-field';
import './directory.css';

/**
 * Directory search: every filter lives in the address bar, so a search can be shared and survives
 * reload. Public: a visitor who is not signed in (a resident, a 211 worker) searches the same way.
 */
export function DirectorySearch({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [q, setQ] = useState(params.get('q') ?? '');
  const debouncedQ = useDebouncedValue(q.trim());

  // From the address bar as it is now, not as of the last render: two quick changes must not drop one.
  const setParam = (key: keyof SearchFilters, value: string | undefined) => setParamsTo({ [key]: value });
  const setParamsTo = (changes: Partial<Record<keyof SearchFilters, string | undefined>>) => {
    const p = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) p.set(key, value);
      else p.delete(key);
    }
    setParams(p, { replace: true });
  };

  const query = { ...filters, q: debouncedQ || undefined };
  const search = useInfiniteQuery({ ...serviceQueries.search(query), placeholderData: keepPreviousData });
  const hits = search.data?.pages.flatMap((p) => p.data) ?? [];
  // Nothing open now (early morning, a Sunday): ask whether the same search finds services that
  // are closed now, so the CHW can see them in one click instead of guessing which filter to drop.
  const nothingOpen = filters.openNow === 'true' && search.isSuccess && !search.isPlaceholderData && hits.length === 0;
  const closedToo = useInfiniteQuery({ ...serviceQueries.search({ ...query, openNow: undefined }), enabled: nothingOpen });
  const closedHits = closedToo.data?.pages[0]?.data.length ?? 0;
  // A ZIP code the API does not know: said at the field, not as a failed search.
  const unknownZip = search.error instanceof ApiError && search.error.fieldErrors().zip !== undefined;

  return (
    <>
      <PageHeader
        title={signedIn ? t('dir.title') : t('public.title')}
        description={signedIn ? t('dir.intro') : t('public.intro')}
        actions={<ShareActions url={`${window.location.origin}${location.pathname}${location.search}`} />}
      />
      <form className="dir-search" role="search" aria-label={t('dir.searchLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="dir-search-row">
          <TextFieldInline
            label={t('dir.searchLabel')}
            placeholder={t('dir.searchPlaceholder')}
            value={q}
            onChange={(v) => {
              setQ(v);
              setParam('q', v.trim() || undefined);
            }}
          />
          <ZipField zip={filters.zip} unknown={unknownZip} onZip={(v) => setParamsTo({ zip: v, near: undefined })} />
          <NearMeButton near={filters.near} onNear={(v) => setParamsTo({ near: v, zip: undefined })} />
        </div>
        <SearchFilterPanel filters={filters} onChange={setParam} onClear={() => setParams(q.trim() ? { q: q.trim() } : {}, { replace: true })} />
      </form>
      <section aria-label={t('dir.results')} aria-busy={search.isFetching || undefined}>
        {search.isPending ? (
          <Spinner label={t('dir.searching')} />
        ) : unknownZip ? (
          <EmptyState title={t('dir.zipUnknownTitle')}>{t('dir.zipUnknownHint')}</EmptyState>
        ) : search.isError ? (
          <Alert tone="danger">
            {errorMessage(search.error, t)}{' '}
            <Button variant="secondary" size="sm" onClick={() => search.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        ) : nothingOpen && closedToo.isPending ? (
          <Spinner label={t('dir.searching')} />
        ) : nothingOpen && closedHits > 0 ? (
          <EmptyState
            title={t('dir.nothingOpenTitle')}
            action={
              <Button variant="secondary" onClick={() => setParam('openNow', undefined)}>
                {t('dir.showClosedToo')}
              </Button>
            }
          >
            {t('dir.closedMatch', { count: closedToo.hasNextPage ? `${closedHits}+` : closedHits })}
          </EmptyState>
        ) : hits.length === 0 ? (
          <EmptyState title={t('dir.emptyTitle')}>{t('dir.emptyHint')}</EmptyState>
        ) : (
          <>
            <ul className="service-list">
              {hits.map((hit) => (
                <ServiceCard key={hit.id} hit={hit} />
              ))}
            </ul>
            <ListFooter pages={search} summary={t('common.showing', { count: hits.length })} moreLabel={t('common.loadMore')} live />
          </>
        )}
      </section>
    </>
  );
}

function TextFieldInline({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="dir-search-box">
      <span className="visually-hidden">{label}</span>
      <input className="input" type="search" name="q" autoComplete="off" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
