import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { boardQueries } from '../api/queries';
import { useCreateBoard } from '../api/coordination';
import { BoardForm } from './board-overview-tab';
import { useMe } from '../../../app/routes/protected-layout';
import { isNetworkAdmin } from '../../../app/nav';
import '../boards.css';

/** The boards the signed-in person coordinates, each with its applications and (while recruiting) its public page. */
export function BoardsPage() {
  const t = useT();
  const boards = useQuery(boardQueries.list());
  const me = useMe();
  const create = useCreateBoard();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  // Creating a board is for board coordinators and network admins (a named coordinator runs their boards only).
  const mayCreate = isNetworkAdmin(me) || me.memberships.some((m) => m.role === 'board_coordinator');
  return (
    <>
      <PageHeader
        title={t('nav.advisoryBoards')}
        description={t('boards.intro')}
        actions={mayCreate && !creating && <Button onClick={() => setCreating(true)}>{t('boards.create')}</Button>}
      />
      {creating && (
        <Card title={t('boards.create')}>
          <BoardForm onDone={() => setCreating(false)} onSubmit={async (body) => navigate(paths.advisoryBoard.href((await create.mutateAsync(body)).id))} />
        </Card>
      )}
      <Card>
        {boards.isPending && <Spinner label={t('app.loading')} />}
        {boards.isError && <Alert tone="danger">{errorMessage(boards.error, t)}</Alert>}
        {boards.data && boards.data.data.length === 0 && <EmptyState title={t('boards.none')} />}
        {boards.data && boards.data.data.length > 0 && (
          <Table
            label={t('nav.advisoryBoards')}
            head={
              <>
                <th scope="col">{t('boards.name')}</th>
                <th scope="col">{t('boards.status')}</th>
                <th scope="col">{t('boards.seats')}</th>
                <th scope="col">{t('boards.publicPage')}</th>
              </>
            }
          >
            {boards.data.data.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={paths.advisoryBoard.href(b.id)}>{b.name}</Link>
                </td>
                <td>
                  <Badge tone={b.status === 'recruiting' ? 'info' : 'neutral'}>{t(`boards.boardStatus.${b.status}` as MessageKey)}</Badge>
                </td>
                <td>{b.seats}</td>
                <td>{b.status === 'recruiting' ? <Link to={paths.boardApply.href(b.id)}>{paths.boardApply.href(b.id)}</Link> : '—'}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
