import { NETWORK_ROLES, type Me, type Role } from '@tandem/contract';
import { EngagementReportPage } from '../../features/reports/components/engagement-report-page';
import { NetworkReportPage } from '../../features/reports/components/network-report-page';
import { StaffMonthlyPage } from '../../features/reports/components/staff-monthly-page';
import { StateQuarterlyPage } from '../../features/reports/components/state-quarterly-page';
import { canSeeNetworkReports } from '../nav';
import { useMe } from './protected-layout';

/** The organization that runs the network: where the person holds a network role (its people lead events). */
const networkOrgOf = (me: Me) => me.memberships.find((m) => (NETWORK_ROLES as readonly Role[]).includes(m.role))?.organizationId ?? null;

export function EngagementReportRoute() {
  return <EngagementReportPage showNetwork={canSeeNetworkReports(useMe())} />;
}

export function StateQuarterlyRoute() {
  return <StateQuarterlyPage showNetwork={canSeeNetworkReports(useMe())} />;
}

export function StaffMonthlyRoute() {
  const me = useMe();
  return <StaffMonthlyPage me={{ id: me.user.id, name: me.user.name }} networkOrgId={networkOrgOf(me)} showNetwork={canSeeNetworkReports(me)} />;
}

export function NetworkReportRoute() {
  return <NetworkReportPage />;
}
