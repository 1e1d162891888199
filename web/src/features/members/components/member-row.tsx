import type { Member, Role } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { InlineConfirm } from '../../../components/ui/inline-confirm';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useRemoveMember } from '../api/use-remove-member';
import { useUpdateMember } from '../api/use-update-member';
import './members.css';

/** `roles`: what the signed-in user may grant; a member holding another role is shown, not changeable. */
export function MemberRow({ member, roles, onNotice }: { member: Member; roles: readonly Role[]; onNotice: (text: string) => void }) {
  const t = useT();
  const changeable = roles.includes(member.role);
  const update = useUpdateMember(member.organizationId);
  const remove = useRemoveMember(member.organizationId);
  const error = update.error ?? remove.error;

  const changeRole = (role: Role) =>
    update.mutate(
      { userId: member.userId, role },
      { onSuccess: (m) => onNotice(t('members.roleChanged', { name: m.name, role: t(`role.${m.role}`) })) },
    );

  return (
    <tr>
      <th scope="row">
        <span className="cell-title">{member.name}</span>
        {error && (
          <span className="cell-error" role="alert">
            {errorMessage(error, t)}
          </span>
        )}
      </th>
      <td data-label={t('members.colEmail')}>{member.email}</td>
      <td data-label={t('members.colRole')}>
        <select
          className="input select input-compact"
          aria-label={t('members.roleFor', { name: member.name })}
          value={member.role}
          disabled={update.isPending || !changeable}
          onChange={(e) => changeRole(e.target.value as Role)}
        >
          {(changeable ? roles : [member.role]).map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('members.colStatus')}>
        <Badge tone={member.status === 'active' ? 'success' : 'warning'}>{t(`members.status.${member.status}`)}</Badge>
      </td>
      <td data-label={t('common.actions')} className="cell-actions">
        <InlineConfirm
          label={t('members.remove')}
          question={t('members.confirmRemove', { name: member.name })}
          confirmLabel={t('members.removeYes')}
          cancelLabel={t('common.cancel')}
          loading={remove.isPending}
          // mutateAsync: the refetched list unmounts this row before mutate's onSuccess would run.
          onConfirm={() =>
            remove.mutateAsync(member.userId).then(
              () => onNotice(t('members.removed', { name: member.name })),
              () => undefined,
            )
          }
        />
      </td>
    </tr>
  );
}
