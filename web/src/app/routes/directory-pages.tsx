import { useParams } from 'react-router';
import { DirectorySearch } from '../../features/directory/components/directory-search';
import { OrganizationPage } from '../../features/directory/components/organization-page';
import { ServiceEditPage } from '../../features/directory/components/service-edit-page';
import { ServicePage } from '../../features/directory/components/service-page';
import { canEditDirectory, isNetworkStaff } from '../nav';
import { Forbidden } from './forbidden';
import { useMe } from './protected-layout';

export function DirectorySearchRoute() {
  return <DirectorySearch />;
}

export function DirectoryServiceRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  return <ServicePage key={id} id={id} canEdit={(orgId) => canEditDirectory(me, orgId)} currentUserId={me.user.id} />;
}

export function DirectoryServiceEditRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  return <ServiceEditPage key={id} id={id} canEdit={(orgId) => canEditDirectory(me, orgId)} forbidden={<Forbidden />} />;
}

export function DirectoryOrganizationRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  return <OrganizationPage key={id} id={id} canEdit={(orgId) => canEditDirectory(me, orgId)} networkStaff={isNetworkStaff(me)} />;
}
