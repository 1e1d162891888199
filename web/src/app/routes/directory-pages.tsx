import { useParams } from 'react-router';
import { DirectorySearch } from '../../features/directory/components/directory-search';
import { OrganizationPage } from '../../features/directory/components/organization-page';
import { ServiceEditPage } from '../../features/directory/components/service-edit-page';
import { ServicePage } from '../../features/directory/components/service-page';
import { canEditDirectory, isNetworkStaff } from '../nav';
import { Forbidden } from './forbidden';
import { useMaybeMe, useMe } from './protected-layout';

// Search, service and organization pages are public: `me` is null for a visitor who is not signed in.

export function DirectorySearchRoute() {
  const me = useMaybeMe();
  return <DirectorySearch signedIn={me !== null} />;
}

export function DirectoryServiceRoute() {
  const { id = '' } = useParams();
  const me = useMaybeMe();
  return <ServicePage key={id} id={id} canEdit={(orgId) => me !== null && canEditDirectory(me, orgId)} currentUserId={me?.user.id ?? null} />;
}

export function DirectoryServiceEditRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  return <ServiceEditPage key={id} id={id} canEdit={(orgId) => canEditDirectory(me, orgId)} forbidden={<Forbidden />} />;
}

export function DirectoryOrganizationRoute() {
  const { id = '' } = useParams();
  const me = useMaybeMe();
  return (
    <OrganizationPage key={id} id={id} canEdit={(orgId) => me !== null && canEditDirectory(me, orgId)} networkStaff={me !== null && isNetworkStaff(me)} signedIn={me !== null} />
  );
}
