import { useParams } from 'react-router';
import { BoardApplicationsPage } from '../../features/boards/components/board-applications-page';
import { BoardsPage } from '../../features/boards/components/boards-page';
import { BoardMeetingsPage } from '../../features/boards/components/meeting-list-page';
import { BoardTabs } from '../../features/boards/components/meeting-nav';
import { MeetingPage } from '../../features/boards/components/meeting-page';
import { PublicApplicationPage } from '../../features/boards/components/public-application-page';

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

export function BoardMeetingsRoute() {
  const { id = '' } = useParams();
  return <BoardMeetingsPage key={id} boardId={id} />;
}

export function BoardMeetingRoute() {
  const { id = '', meetingId = '' } = useParams();
  return <MeetingPage key={meetingId} boardId={id} meetingId={meetingId} />;
}
