import { useParams } from 'react-router';
import { BoardApplicationsPage } from '../../features/boards/components/board-applications-page';
import { BoardsPage } from '../../features/boards/components/boards-page';
import { BoardMeetingsPage } from '../../features/boards/components/meeting-list-page';
import { BoardTabs } from '../../features/boards/components/meeting-nav';
import { MeetingPage } from '../../features/boards/components/meeting-page';
import { PublicApplicationPage } from '../../features/boards/components/public-application-page';
import { PublicBoardPage } from '../../features/boards/components/public-board-page';
import { RecommendationListPage } from '../../features/boards/components/recommendation-list-page';
import { RecommendationPage } from '../../features/boards/components/recommendation-page';
import { StipendsPage } from '../../features/boards/components/stipend-page';

export function BoardsRoute() {
  return <BoardsPage />;
}

export function BoardApplicationsRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <BoardTabs boardId={id} />
      <BoardApplicationsPage key={id} boardId={id} />
    </>
  );
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

/** A board's recommendations; the API answers 404 to anyone who does not coordinate it. */
export function BoardRecommendationsRoute() {
  const { id = '' } = useParams();
  return <RecommendationListPage key={id} boardId={id} />;
}

export function BoardRecommendationRoute() {
  const { id = '', recommendationId = '' } = useParams();
  return <RecommendationPage key={`${id}/${recommendationId}`} boardId={id} recommendationId={recommendationId} />;
}

/** A board's stipends (its coordinators; the API answers 404 to anyone else). */
export function BoardStipendsRoute() {
  const { id = '' } = useParams();
  return <StipendsPage key={id} boardId={id} />;
}

export function BoardMeetingsRoute() {
  const { id = '' } = useParams();
  return <BoardMeetingsPage key={id} boardId={id} />;
}

export function BoardMeetingRoute() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingPage key={meetingId} boardId={id} meetingId={meetingId} />;
}
