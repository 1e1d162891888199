import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { grantableRoles, type Me } from '@tandem/contract';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { ApiKeysPanel } from '../../features/api-keys/components/api-keys-panel';
import { WebhooksPanel } from '../../features/webhooks/components/webhooks-panel';
import { MembersPanel } from '../../features/members/components/members-panel';
import { UsersAdmin } from '../../features/members/components/users-admin';
import { orgQueries } from '../../features/organizations/api/queries';
import { useT } from '../../i18n/i18n-provider';
import { canManageOrg, isNetworkAdmin } from '../nav';
import { Forbidden } from './forbidden';
import { useMe } from './protected-layout';

/** The organization's name: from the signed-in user's memberships when they have one, else the API. */
const useOrgName = (id: string) => {
  const me = useMe();
  const own = me.memberships.find((m) => m.organizationId === id)?.organizationName;
  const org = useQuery({ ...orgQueries.detail(id), enabled: !own });
  return own ?? org.data?.name ?? '…';
};

function OrgTabs({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  return (
    <p className="breadcrumbs">
      {isNetworkAdmin(me) && <Link to={paths.adminOrganizations.href()}>{t('nav.organizations')}</Link>}
      <Link to={paths.orgMembers.href(id)}>{t('nav.members')}</Link>
      <Link to={paths.orgApiKeys.href(id)}>{t('nav.apiKeys')}</Link>
      <Link to={paths.orgWebhooks.href(id)}>{t('nav.webhooks')}</Link>
    </p>
  );
}

type OrgPage = 'members' | 'apiKeys' | 'webhooks';

/** One organization-admin page: the org's tabs, a header and its panel, for those who manage the org. */
/**
 * The roles `me` may grant in the organization (ARCHITECTURE §4). Network roles exist only in the
 * organization that runs the network, which is where network admins hold their role.
 */
const grantable = (me: Me, orgId: string) =>
  grantableRoles({ isNetworkAdmin: me.isNetworkAdmin, orgRunsNetwork: me.memberships.some((m) => m.organizationId === orgId && m.role === 'network_admin') });

function OrgAdminPage({ page }: { page: OrgPage }) {
  const { id = '' } = useParams();
  const t = useT();
  const me = useMe();
  const name = useOrgName(id);
  if (!canManageOrg(me, id)) return <Forbidden />;
  return (
    <>
      <OrgTabs id={id} />
      <PageHeader title={t(`${page}.titleOf`, { org: name })} description={t(`${page}.intro`)} />
      {page === 'members' ? (
        <MembersPanel organizationId={id} roles={grantable(me, id)} selfId={me.user.id} />
      ) : page === 'apiKeys' ? (
        <ApiKeysPanel organizationId={id} />
      ) : (
        <WebhooksPanel organizationId={id} />
      )}
    </>
  );
}

export const OrganizationMembersRoute = () => <OrgAdminPage page="members" />;
export const OrganizationApiKeysRoute = () => <OrgAdminPage page="apiKeys" />;
export const OrganizationWebhooksRoute = () => <OrgAdminPage page="webhooks" />;

/** Every account in the network, for network admins (the router checks the role). */
export const UsersAdminRoute = () => <UsersAdmin selfId={useMe().user.id} />;
