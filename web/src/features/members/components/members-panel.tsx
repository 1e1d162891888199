import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/i18n-provider';
import { InviteMemberForm } from './invite-member-form';
import { MembersTable } from './members-table';

export function MembersPanel({ organizationId }: { organizationId: string }) {
  const t = useT();
  return (
    <div className="stack">
      <Card title={t('members.listLabel')}>
        <MembersTable organizationId={organizationId} />
      </Card>
      <Card title={t('inviteForm.title')}>
        <InviteMemberForm organizationId={organizationId} />
      </Card>
    </div>
  );
}
