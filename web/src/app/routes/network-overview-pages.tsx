import { NetworkOverviewPage } from '../../features/network-overview/components/network-overview-page';

/** The collaboration team and network admins (Require in the router keeps others out). */
export function NetworkOverviewRoute() {
  return <NetworkOverviewPage />;
}
