import type { z } from 'zod';
import type { UserWithMembershipsSchema } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { InlineConfirm } from '../../../components/ui/inline-confirm';
import { Table } from '../../../components/ui/table';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useSetUserActive } from '../api/use-set-user-active';
import './members.css';

type UserRow = z.infer<typeof UserWithMembershipsSchema>;

/** Deactivate or reactivate an account (a network admin's page: they may for anyone but themselves). */
function AccountAction({ user, selfId }: { user: UserRow; selfId: string }) {
  const { t } = useI18n();
  const setActive = useSetUserActive();
  if (user.id === selfId) return null;
  return (
    <>
      {setActive.error && (
        <span className="cell-error" role="alert">
          {errorMessage(setActive.error, t)}
        </span>
      )}
      {user.deactivated ? (
        <Button variant="secondary" size="sm" loading={setActive.isPending} onClick={() => setActive.mutate({ userId: user.id, active: true })} aria-label={t('members.reactivateFor', { name: user.name })}>
          {t('members.reactivate')}
        </Button>
      ) : (
        <InlineConfirm
          label={t('members.deactivate')}
          question={t('members.confirmDeactivate', { name: user.name })}
          confirmLabel={t('members.deactivateYes')}
          cancelLabel={t('common.cancel')}
          loading={setActive.isPending}
          onConfirm={() => setActive.mutate({ userId: user.id, active: false })}
        />
      )}
    </>
  );
}

export function UsersTable({ users, selfId }: { users: UserRow[]; selfId: string }) {
  const { t, locale } = useI18n();
  return (
    <Table
      label={t('users.listLabel')}
      head={
        <>
          <th scope="col">{t('users.colName')}</th>
          <th scope="col">{t('users.colEmail')}</th>
          <th scope="col">{t('users.colMemberships')}</th>
          <th scope="col">{t('users.colStatus')}</th>
          <th scope="col">{t('users.colCreated')}</th>
          <th scope="col">{t('common.actions')}</th>
        </>
      }
    >
      {users.map((u) => (
        <tr key={u.id} className={u.deactivated ? 'member-deactivated' : undefined}>
          <th scope="row">
            <span className="cell-title">{u.name}</span>
          </th>
          <td data-label={t('users.colEmail')}>{u.email}</td>
          <td data-label={t('users.colMemberships')}>
            {u.memberships.length === 0 ? (
              <span className="muted">{t('users.noMemberships')}</span>
            ) : (
              <ul className="plain-list">
                {u.memberships.map((m) => (
                  <li key={`${m.organizationId}:${m.role}`}>
                    {m.organizationName} <span className="muted">· {t(`role.${m.role}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td data-label={t('users.colStatus')}>
            <Badge tone={u.active ? 'success' : 'neutral'}>{u.deactivated ? t('members.status.deactivated') : u.active ? t('users.active') : t('users.inactive')}</Badge>
          </td>
          <td data-label={t('users.colCreated')}>{formatDate(u.createdAt, locale)}</td>
          <td data-label={t('common.actions')} className="cell-actions member-actions">
            <AccountAction user={u} selfId={selfId} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
