import { useParams } from 'react-router';
import { EventPage } from '../../features/engagement/components/event-page';
import { EventsPage } from '../../features/engagement/components/events-page';
import { ImportPage } from '../../features/engagement/components/import-page';
import { QuickEntryPage } from '../../features/engagement/components/quick-entry-page';
import { canWriteEngagement } from '../nav';
import { useMe } from './protected-layout';

export function EngagementRoute() {
  return <EventsPage canWrite={canWriteEngagement(useMe())} />;
}

export function EngagementNewRoute() {
  return <QuickEntryPage userId={useMe().user.id} />;
}

/** Anyone signed in may open one: the API answers 404 unless they read events or their organization took part. */
export function EngagementEventRoute() {
  const { id = '' } = useParams();
  return <EventPage key={id} id={id} canWrite={canWriteEngagement(useMe())} />;
}

export function EngagementImportRoute() {
  return <ImportPage />;
}
