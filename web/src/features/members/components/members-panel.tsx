import type { Role } from '@tandem/contract';
import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/i18n-provider';
import { InviteMemberForm } from './invite-member-form';
import { MembersTable } from './members-table';

/** `roles`: the roles the signed-in user may grant here (the API refuses the others); `selfId`: the signed-in user. */
export function MembersPanel({ organizationId, roles, selfId }: { organizationId: string; roles: readonly Role[]; selfId: string }) {
  const t = useT();
  return (
    <div className="stack">
      <Card title={t('members.listLabel')}>
        <MembersTable organizationId={organizationId} roles={roles} selfId={selfId} />
      </Card>
      <Card title={t('inviteForm.title')}>
        <InviteMemberForm organizationId={organizationId} roles={roles} />
      </Card>
    </div>
  );
}
