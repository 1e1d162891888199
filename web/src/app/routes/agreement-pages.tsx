import { useParams } from 'react-router';
import type { Me } from '@tandem/contract';
import { AgreementPage } from '../../features/agreements/components/agreement-page';
import { AgreementsPage } from '../../features/agreements/components/agreements-page';
import { NewAgreementPage } from '../../features/agreements/components/new-agreement-page';
import { isNetworkAdmin, isNetworkStaff } from '../nav';
import { useMe } from './protected-layout';

const viewerOf = (me: Me) => ({
  networkAdmin: isNetworkAdmin(me),
  networkStaff: isNetworkStaff(me),
  adminOf: me.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId),
});

export function AgreementsRoute() {
  return <AgreementsPage canCreate={isNetworkStaff(useMe())} />;
}

export function AgreementNewRoute() {
  return <NewAgreementPage networkAdmin={isNetworkAdmin(useMe())} />;
}

/** Anyone signed in may open one: the API answers 404 unless they are network staff or work for a party. */
export function AgreementRoute() {
  const { id = '' } = useParams();
  return <AgreementPage key={id} id={id} viewer={viewerOf(useMe())} />;
}
