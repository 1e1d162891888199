import { HsdsPage } from '../../features/hsds/components/hsds-page';

/** Directory data as HSDS (network admins; the router's Require checks the role). */
export function HsdsRoute() {
  return <HsdsPage />;
}
