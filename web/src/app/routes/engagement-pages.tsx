import { useParams } from 'react-router';
import { EventPage } from '../../features/engagement/components/event-page';
import { EventsPage } from '../../features/engagement/components/events-page';
import { ImportPage } from '../../features/engagement/components/import-page';
import { QuickEntryPage } from '../../features/engagement/components/quick-entry-page';
import { NETWORK_ROLES, type Me, type Role } from '@tandem/contract';
import { canWriteEngagement } from '../nav';
import { useMe } from './protected-layout';

export function EngagementRoute() {
  return <EventsPage canWrite={canWriteEngagement(useMe())} />;
}

export function EngagementNewRoute() {
  return <QuickEntryPage userId={useMe().user.id} />;
}

/** Anyone signed in may open one: the API answers 404 unless they read events or their organization took part. */
/** The organization that runs the network: where the person holds a network role (staff leads are its people). */
const networkOrgOf = (me: Me) => me.memberships.find((m) => (NETWORK_ROLES as readonly Role[]).includes(m.role))?.organizationId ?? null;

export function EngagementEventRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  return <EventPage key={id} id={id} canWrite={canWriteEngagement(me)} networkOrgId={networkOrgOf(me)} />;
}

export function EngagementImportRoute() {
  return <ImportPage />;
}
