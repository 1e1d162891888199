import { Link } from 'react-router';
import type { Organization } from '@tandem/contract';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Table } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { spaLabel, spaShort } from '../../../lib/labels';
import { displayUrl } from '../../../lib/labels';
import './organizations.css';

// Scheme and trailing slash add width, not information.

const stageTone: Record<NonNullable<Organization['partnershipStage']>, BadgeTone> = {
  prospect: 'neutral',
  outreach: 'info',
  assessed: 'warning',
  partnered: 'success',
};

export function OrganizationsTable({ organizations, highlightId }: { organizations: Organization[]; highlightId?: string | undefined }) {
  const t = useT();
  return (
    <Table
      label={t('orgs.listLabel')}
      head={
        <>
          <th scope="col">{t('orgs.colName')}</th>
          <th scope="col">{t('orgs.colType')}</th>
          <th scope="col">{t('orgs.colSpas')}</th>
          <th scope="col">{t('orgs.colStage')}</th>
          <th scope="col">{t('common.actions')}</th>
        </>
      }
    >
      {organizations.map((org) => (
        <tr key={org.id} className={org.id === highlightId ? 'row-new' : undefined}>
          <th scope="row">
            <span className="cell-title">{org.name}</span>
            {(org.website || org.email) && <span className="cell-sub">{org.website ? displayUrl(org.website) : org.email}</span>}
          </th>
          <td data-label={t('orgs.colType')}>{t(`orgType.${org.type}`)}</td>
          <td data-label={t('orgs.colSpas')}>
            <span className="badge-list">
              {org.spas.map((s) => (
                <abbr key={s} title={spaLabel(s)} className="tag">
                  {spaShort(s)}
                </abbr>
              ))}
            </span>
          </td>
          <td data-label={t('orgs.colStage')}>
            {/* Always there for the network admins who see this table; only the public gets none. */}
            {org.partnershipStage && <Badge tone={stageTone[org.partnershipStage]}>{t(`stage.${org.partnershipStage}`)}</Badge>}
          </td>
          <td data-label={t('common.actions')} className="cell-actions">
            <Link to={paths.orgMembers.href(org.id)} aria-label={`${t('nav.members')}: ${org.name}`}>
              {t('nav.members')}
            </Link>
            <Link to={paths.orgApiKeys.href(org.id)} aria-label={`${t('nav.apiKeys')}: ${org.name}`}>
              {t('nav.apiKeys')}
            </Link>
          </td>
        </tr>
      ))}
    </Table>
  );
}
