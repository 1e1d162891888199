import type { Member, Role } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { InlineConfirm } from '../../../components/ui/inline-confirm';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useRemoveMember } from '../api/use-remove-member';
import { useSetUserActive } from '../api/use-set-user-active';
import { useUpdateMember } from '../api/use-update-member';
import './members.css';

type Props = { member: Member; roles: readonly Role[]; selfId: string; onNotice: (text: string) => void };
const statusTone = { active: 'success', invited: 'warning', deactivated: 'neutral' } as const;

/**
 * `roles`: what the signed-in user may grant; a member holding another role is shown, not
 * changeable (nor deactivated from here). Nobody deactivates their own account (`selfId`).
 */
export function MemberRow({ member, roles, selfId, onNotice }: Props) {
  const t = useT();
  const changeable = roles.includes(member.role);
  const update = useUpdateMember(member.organizationId);
  const remove = useRemoveMember(member.organizationId);
  const setActive = useSetUserActive();
  const error = update.error ?? remove.error ?? setActive.error;
  const deactivated = member.status === 'deactivated';
  const toggleActive = (active: boolean) =>
    setActive.mutateAsync({ userId: member.userId, active }).then(
      () => onNotice(t(active ? 'members.reactivated' : 'members.deactivated', { name: member.name })),
      () => undefined,
    );

  const changeRole = (role: Role) =>
    update.mutate(
      { userId: member.userId, role },
      { onSuccess: (m) => onNotice(t('members.roleChanged', { name: m.name, role: t(`role.${m.role}`) })) },
    );

  return (
    <tr className={deactivated ? 'member-deactivated' : undefined}>
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
        <Badge tone={statusTone[member.status]}>{t(`members.status.${member.status}`)}</Badge>
      </td>
      <td data-label={t('common.actions')} className="cell-actions member-actions">
        {changeable && member.userId !== selfId && deactivated && (
          <Button variant="secondary" size="sm" loading={setActive.isPending} onClick={() => void toggleActive(true)} aria-label={t('members.reactivateFor', { name: member.name })}>
            {t('members.reactivate')}
          </Button>
        )}
        {changeable && member.userId !== selfId && !deactivated && (
          <InlineConfirm
            label={t('members.deactivate')}
            question={t('members.confirmDeactivate', { name: member.name })}
            confirmLabel={t('members.deactivateYes')}
            cancelLabel={t('common.cancel')}
            loading={setActive.isPending}
            onConfirm={() => void toggleActive(false)}
          />
        )}
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
