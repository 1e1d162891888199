import type { z } from 'zod';
import type { UserWithMembershipsSchema } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { Table } from '../../../components/ui/table';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDate } from '../../../lib/format';

type UserRow = z.infer<typeof UserWithMembershipsSchema>;

export function UsersTable({ users }: { users: UserRow[] }) {
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
        </>
      }
    >
      {users.map((u) => (
        <tr key={u.id}>
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
            <Badge tone={u.active ? 'success' : 'neutral'}>{u.active ? t('users.active') : t('users.inactive')}</Badge>
          </td>
          <td data-label={t('users.colCreated')}>{formatDate(u.createdAt, locale)}</td>
        </tr>
      ))}
    </Table>
  );
}
