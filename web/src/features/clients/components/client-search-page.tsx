import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { parseClientSearch } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { clientQueries } from '../api/queries';

/** Find a client the organization may see, by part of the name, date of birth or phone; the query lives in the address. */
export function ClientSearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const term = useDebouncedValue(q.trim());
  const found = useInfiniteQuery(clientQueries.search(term));
  const rows = found.data?.pages.flatMap((p) => p.data) ?? [];
  const searchable = parseClientSearch(term) !== null;
  return (
    <>
      <PageHeader title={t('client.searchTitle')} description={t('client.searchIntro')} />
      <TextField
        label={t('client.search')}
        hint={t('client.searchHint')}
        type="search"
        autoComplete="off"
        value={q}
        onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
      />
      {found.isError && <Alert tone="danger">{errorMessage(found.error, t)}</Alert>}
      {searchable && found.isSuccess && rows.length === 0 && <p className="muted">{t('client.noneFound')}</p>}
      {rows.length > 0 && (
        <ul className="plain-list stack" aria-label={t('ref.searchResults')}>
          {rows.map((c) => (
            <li key={c.id}>
              <Link to={paths.client.href(c.id)}>
                {c.preferredName || c.givenName} {c.familyName}
              </Link>
              <span className="muted">
                {c.dateOfBirth && ` · ${t('ref.born', { date: c.dateOfBirth })}`}
                {c.phones[0] && ` · ${c.phones[0]}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {found.hasNextPage && (
        <Button variant="secondary" size="sm" loading={found.isFetchingNextPage} onClick={() => found.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
