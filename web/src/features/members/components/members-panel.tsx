import type { Role } from '@tandem/contract';
import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/i18n-provider';
import { InviteMemberForm } from './invite-member-form';
import { MembersTable } from './members-table';

/** `roles`: the roles the signed-in user may grant here (the API refuses the others). */
export function MembersPanel({ organizationId, roles }: { organizationId: string; roles: readonly Role[] }) {
  const t = useT();
  return (
    <div className="stack">
      <Card title={t('members.listLabel')}>
        <MembersTable organizationId={organizationId} roles={roles} />
      </Card>
      <Card title={t('inviteForm.title')}>
        <InviteMemberForm organizationId={organizationId} roles={roles} />
      </Card>
    </div>
  );
}
