import { Link } from 'react-router';
import { OPEN_STATUSES, type ReferralDirection, type ReferralListItem } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDateTime } from '../../../lib/format';
import { NeedTags, StatusBadge } from './labels';
import './referrals.css';

/** The next due time that still matters for an open referral: acknowledgement, then first contact. */
const dueOf = (r: ReferralListItem) => {
  if (r.status === 'sent') return r.acknowledgeBy;
  if (['acknowledged', 'accepted', 'in_progress', 'on_hold'].includes(r.status) && !r.firstContactAt) return r.firstContactBy;
  return null;
};

export function InboxList({ rows, box }: { rows: ReferralListItem[]; box: ReferralDirection }) {
  const { t, locale } = useI18n();
  return (
    <ul className="ref-list" aria-label={t(`ref.box.${box}`)}>
      {rows.map((r) => {
        const other = box === 'sent' ? (r.receivingOrganizationName ?? t('ref.noPartner')) : r.sendingOrganizationName;
        const due = dueOf(r);
        // The flags keep "was late" for reports; a closed referral is no longer overdue.
        const late = (OPEN_STATUSES as readonly string[]).includes(r.status) && (r.overdue.acknowledge || r.overdue.firstContact);
        return (
          <li key={r.id} className="ref-row">
            <div className="ref-row-main">
              <Link className="ref-row-title" to={paths.referral.href(r.id)}>
                {r.clientName ?? t('ref.noClient')}
              </Link>
              <span className="ref-row-org">
                {t(box === 'sent' ? 'ref.to' : 'ref.from', { org: other })}
                {r.receivingServiceName && ` · ${r.receivingServiceName}`}
              </span>
              <NeedTags needs={r.needs} />
            </div>
            <div className="ref-row-side">
              <StatusBadge status={r.status} />
              {r.urgency !== 'routine' && <Badge tone={r.urgency === 'emergent' ? 'danger' : 'warning'}>{t(`urgency.${r.urgency}`)}</Badge>}
              {late && <Badge tone="danger">{t('ref.overdue')}</Badge>}
              {r.unreadMessages > 0 && <Badge tone="info">{t('ref.unread', { count: r.unreadMessages })}</Badge>}
              {due && <span className="muted ref-row-due">{t('ref.due', { when: formatDateTime(due, locale) })}</span>}
              {r.assigneeName && <span className="muted ref-row-due">{t('ref.assignedTo', { name: r.assigneeName })}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
