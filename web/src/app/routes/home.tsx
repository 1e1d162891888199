import { Link } from 'react-router';
import { Badge } from '../../components/ui/badge';
import { Card } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { Table } from '../../components/ui/table';
import { MyInvitations } from '../../features/auth/components/my-invitations';
import { Worklist } from '../../features/referrals/components/worklist';
import { useT } from '../../i18n/i18n-provider';
import { buildNav, isNetworkAdmin } from '../nav';
import { useMe } from './protected-layout';

export function HomeRoute() {
  const t = useT();
  const me = useMe();
  const links = buildNav(me, t)
    .flatMap((s) => s.items)
    .filter((i) => i.to !== '/');
  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.name })} description={t('home.intro')} />
      <MyInvitations />
      {me.memberships.length > 0 && (
        <Worklist
          sends={me.memberships.some((m) => m.organizationType !== 'cbo')}
          receives={me.memberships.some((m) => m.organizationType === 'cbo')}
        />
      )}
      <div className="grid-2">
        <Card title={t('home.yourOrgs')}>
          {isNetworkAdmin(me) && <p className="note">{t('home.networkAdmin')}</p>}
          {me.memberships.length === 0 ? (
            <p className="muted">{t('home.noMemberships')}</p>
          ) : (
            <Table
              label={t('home.yourOrgs')}
              head={
                <>
                  <th scope="col">{t('home.colOrg')}</th>
                  <th scope="col">{t('home.colType')}</th>
                  <th scope="col">{t('home.colRole')}</th>
                </>
              }
            >
              {me.memberships.map((m) => (
                <tr key={`${m.organizationId}:${m.role}`}>
                  <th scope="row">{m.organizationName}</th>
                  <td data-label={t('home.colType')}>{t(`orgType.${m.organizationType}`)}</td>
                  <td data-label={t('home.colRole')}>
                    <Badge tone="accent">{t(`role.${m.role}`)}</Badge>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t('home.quickLinks')}>
          <ul className="link-list">
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
