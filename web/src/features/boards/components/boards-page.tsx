import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
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
import '../boards.css';

/** The boards the signed-in person coordinates, each with its applications and (while recruiting) its public page. */
export function BoardsPage() {
  const t = useT();
  const boards = useQuery(boardQueries.list());
  return (
    <>
      <PageHeader title={t('nav.advisoryBoards')} description={t('boards.intro')} />
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
