import { AuditPage } from '../../features/audit/components/audit-page';
import { useMe } from './protected-layout';

export function AuditRoute() {
  const me = useMe();
  return <AuditPage myUserId={me.user.id} />;
}
