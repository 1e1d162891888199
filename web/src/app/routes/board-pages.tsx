import { useParams } from 'react-router';
import { BoardApplicationsPage } from '../../features/boards/components/board-applications-page';
import { BoardsPage } from '../../features/boards/components/boards-page';
import { PublicApplicationPage } from '../../features/boards/components/public-application-page';
import { StipendsPage } from '../../features/boards/components/stipend-page';

export function BoardsRoute() {
  return <BoardsPage />;
}

export function BoardApplicationsRoute() {
  const { id = '' } = useParams();
  return <BoardApplicationsPage key={id} boardId={id} />;
}

/** Public: the same page whether or not the visitor is signed in. */
export function BoardApplyRoute() {
  const { id = '' } = useParams();
  return <PublicApplicationPage key={id} boardId={id} />;
}

/** A board's stipends (its coordinators; the API answers 404 to anyone else). */
export function BoardStipendsRoute() {
  const { id = '' } = useParams();
  return <StipendsPage key={id} boardId={id} />;
}
