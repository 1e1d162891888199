import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { ListFooter } from '../../../components/ui/list-footer';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { memberQueries } from '../api/queries';
import { UsersTable } from './users-table';

/** Every account, for network admins; `selfId`: the signed-in admin (who cannot deactivate themselves). */
export function UsersAdmin({ selfId }: { selfId: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const debouncedQ = useDebouncedValue(q.trim());
  const list = useInfiniteQuery({ ...memberQueries.userList({ q: debouncedQ || undefined }), placeholderData: keepPreviousData });
  const users = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.intro')} />
      <Card>
        <form className="filters" role="search" aria-label={t('users.search')} onSubmit={(e) => e.preventDefault()}>
          <TextField label={t('users.search')} type="search" name="q" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
        </form>
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : users.length === 0 ? (
          <EmptyState title={t('users.empty')} />
        ) : (
          <>
            <UsersTable users={users} selfId={selfId} />
            <ListFooter pages={list} summary={t('common.showing', { count: users.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
