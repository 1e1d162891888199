import { useParams } from 'react-router';
import { ApplicationReviewPage } from '../../features/boards/components/application-review-page';
import { BoardPage } from '../../features/boards/components/board-page';
import { BoardsPage } from '../../features/boards/components/boards-page';
import { MeetingPage } from '../../features/boards/components/meeting-page';
import { BudgetRoundPage } from '../../features/boards/components/budget-round-page';
import { PublicApplicationPage } from '../../features/boards/components/public-application-page';
import { PublicBoardPage } from '../../features/boards/components/public-board-page';
import { RecommendationPage } from '../../features/boards/components/recommendation-page';

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

/** Public: "you said, we did", the same page whether or not the visitor is signed in. */
export function BoardPublicRoute() {
  const { id = '' } = useParams();
  return <PublicBoardPage key={id} boardId={id} />;
}

export function BoardRecommendationRoute() {
  const { id = '', recommendationId = '' } = useParams();
  return <RecommendationPage key={`${id}/${recommendationId}`} boardId={id} recommendationId={recommendationId} />;
}

export function BoardMeetingRoute() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingPage key={meetingId} boardId={id} meetingId={meetingId} />;
}
