import { useParams } from 'react-router';
import { ApplicationReviewPage } from '../../features/boards/components/application-review-page';
import { BoardPage } from '../../features/boards/components/board-page';
import { BoardsPage } from '../../features/boards/components/boards-page';
import { BudgetRoundPage } from '../../features/boards/components/budget-round-page';
import { PublicApplicationPage } from '../../features/boards/components/public-application-page';

export function BoardsRoute() {
  return <BoardsPage />;
}

/** A board's page and its tabs (overview when the URL names none). */
export function BoardRoute() {
  const { id = '', tab = 'overview' } = useParams();
  return <BoardPage key={id} boardId={id} tab={tab} />;
}

export function BoardApplicationRoute() {
  const { id = '', applicationId = '' } = useParams();
  return <ApplicationReviewPage key={applicationId} boardId={id} applicationId={applicationId} />;
}

export function BudgetRoundRoute() {
  const { id = '', roundId = '' } = useParams();
  return <BudgetRoundPage key={roundId} boardId={id} roundId={roundId} />;
}

/** Public: the same page whether or not the visitor is signed in. */
export function BoardApplyRoute() {
  const { id = '' } = useParams();
  return <PublicApplicationPage key={id} boardId={id} />;
}
