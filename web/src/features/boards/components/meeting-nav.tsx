import { NavLink } from 'react-router';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import '../meetings.css';

/** The board's pages: applications, meetings and trainings. */
export function BoardTabs({ boardId }: { boardId: string }) {
  const t = useT();
  return (
    <nav className="board-tabs" aria-label={t('meetings.boardPages')}>
      <NavLink end to={paths.advisoryBoard.href(boardId)}>
        {t('boards.applications')}
      </NavLink>
      <NavLink to={paths.boardMeetings.href(boardId)}>{t('meetings.tab')}</NavLink>
    </nav>
  );
}
