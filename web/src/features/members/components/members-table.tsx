import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { ListFooter } from '../../../components/ui/list-footer';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { memberQueries } from '../api/queries';
import { MemberRow } from './member-row';
import './members.css';

export function MembersTable({ organizationId, roles, selfId }: { organizationId: string; roles: readonly Role[]; selfId: string }) {
  const t = useT();
  const list = useInfiniteQuery(memberQueries.list(organizationId));
  const [notice, setNotice] = useState<string | null>(null);
  const members = list.data?.pages.flatMap((p) => p.data) ?? [];

  if (list.isPending) return <Spinner label={t('app.loading')} />;
  if (list.isError) return <Alert tone="danger">{errorMessage(list.error, t)}</Alert>;
  if (members.length === 0) return <EmptyState title={t('members.empty')} />;
  return (
    <>
      {notice && (
        <Alert tone="success" onClose={() => setNotice(null)} closeLabel={t('common.close')}>
          {notice}
        </Alert>
      )}
      <Table
        label={t('members.listLabel')}
        head={
          <>
            <th scope="col">{t('members.colName')}</th>
            <th scope="col">{t('members.colEmail')}</th>
            <th scope="col">{t('members.colRole')}</th>
            <th scope="col">{t('members.colStatus')}</th>
            <th scope="col">{t('common.actions')}</th>
          </>
        }
      >
        {members.map((m) => (
          <MemberRow key={m.userId} member={m} roles={roles} selfId={selfId} onNotice={setNotice} />
        ))}
      </Table>
      <ListFooter pages={list} moreLabel={t('common.loadMore')} />
    </>
  );
}
