import { useParams } from 'react-router';
import { ClientPage } from '../../features/clients/components/client-page';
import { ClientSearchPage } from '../../features/clients/components/client-search-page';

export function ClientSearchRoute() {
  return <ClientSearchPage />;
}

export function ClientRoute() {
  const { id = '' } = useParams();
  return <ClientPage key={id} id={id} />;
}
