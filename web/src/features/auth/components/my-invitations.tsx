import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useAcceptMyInvitation } from '../api/use-accept-my-invitation';
import { authQueries } from '../api/queries';

/** Invitations to join another organization (for people who already had an account); nothing when there are none. */
export function MyInvitations() {
  const t = useT();
  const list = useQuery(authQueries.myInvitations());
  const accept = useAcceptMyInvitation();
  const invitations = list.data?.data ?? [];
  if (invitations.length === 0) return null;
  return (
    <Card title={t('myInvitations.title')}>
      {accept.error && <Alert tone="danger">{errorMessage(accept.error, t)}</Alert>}
      <ul className="link-list">
        {invitations.map((inv) => (
          <li key={inv.id}>
            {t('myInvitations.item', { org: inv.organizationName, role: t(`role.${inv.role}`) })}{' '}
            <Button type="button" loading={accept.isPending && accept.variables === inv.id} onClick={() => accept.mutate(inv.id)}>
              {t('myInvitations.accept')}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
