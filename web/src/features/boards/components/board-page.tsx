import { useQuery } from '@tanstack/react-query';
import { Link, NavLink } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { boardQueries } from '../api/queries';
import { BOARD_TABS } from './board-tabs';
import '../boards.css';
import './board-coordination.css';

/** A board's page: its name and status, a strip of tabs (BOARD_TABS), the chosen tab below. */
export function BoardPage({ boardId, tab }: { boardId: string; tab: string }) {
  const t = useT();
  const board = useQuery(boardQueries.detail(boardId));
  const current = BOARD_TABS.find((x) => x.key === tab);
  return (
    <>
      <p className="board-back">
        <Link to={paths.advisoryBoards.href()}>← {t('nav.advisoryBoards')}</Link>
      </p>
      <PageHeader
        title={board.data?.name ?? t('nav.advisoryBoards')}
        description={board.data ? `${board.data.program} · ${t('boards.termMonths', { count: board.data.termMonths })} · ${board.data.meetingCadence}` : undefined}
        actions={board.data ? <Badge tone={board.data.status === 'recruiting' ? 'info' : 'neutral'}>{t(`boards.boardStatus.${board.data.status}` as MessageKey)}</Badge> : undefined}
      />
      <nav className="board-tabs" aria-label={t('boards.tabs')}>
        <ul>
          {BOARD_TABS.map((x) => (
            <li key={x.key}>
              <NavLink to={x.key === 'overview' ? paths.advisoryBoard.href(boardId) : paths.advisoryBoardTab.href(boardId, x.key)} end aria-current={x.key === tab ? 'page' : undefined} className={x.key === tab ? 'is-active' : undefined}>
                {t(x.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {board.isPending && <Spinner label={t('app.loading')} />}
      {board.isError && <Alert tone="danger">{errorMessage(board.error, t)}</Alert>}
      {board.data && (current ? current.render(board.data) : <Alert tone="warning">{t('boards.noSuchTab')}</Alert>)}
    </>
  );
}
