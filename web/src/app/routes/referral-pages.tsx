import { useParams } from 'react-router';
import { InboxPage } from '../../features/referrals/components/inbox-page';
import { NetworkReferralsPage } from '../../features/referrals/components/network-page';
import { NewReferralPage } from '../../features/referrals/components/new-referral-page';
import { ReferralPage } from '../../features/referrals/components/referral-page';
import { isNetworkAdmin } from '../nav';
import { useMe } from './protected-layout';

export function ReferralInboxRoute() {
  return <InboxPage />;
}

export function ReferralNewRoute() {
  const me = useMe();
  // The sending organization: the first membership (the API asks when someone belongs to several).
  const org = me.memberships[0];
  return <NewReferralPage sender={{ organizationId: org?.organizationId ?? '', name: me.user.name, email: me.user.email }} />;
}

export function ReferralDetailRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  const viewer = {
    userId: me.user.id,
    userName: me.user.name,
    orgIds: me.memberships.map((m) => m.organizationId),
    adminOf: me.memberships.filter((m) => m.role === 'org_admin').map((m) => m.organizationId),
  };
  return <ReferralPage key={id} id={id} viewer={viewer} />;
}

export function NetworkReferralsRoute() {
  const me = useMe();
  return <NetworkReferralsPage fullSight={isNetworkAdmin(me)} myOrgIds={me.memberships.map((m) => m.organizationId)} />;
}
