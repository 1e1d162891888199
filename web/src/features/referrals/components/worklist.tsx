import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { WORKLIST_FILTERS, type ReferralWorklist } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { referralQueries, type ReferralFilters } from '../api/queries';
import { InboxList } from './inbox-list';
import './referrals.css';

const RECENT = 5;

/** The first few of an inbox list (most urgent first), so home shows the referrals themselves. */
function Recent({ title, filters, more }: { title: string; filters: ReferralFilters; more: string }) {
  const t = useT();
  const list = useInfiniteQuery(referralQueries.list(filters));
  const rows = list.data?.pages[0]?.data ?? [];
  if (rows.length === 0) return null;
  return (
    <section className="worklist-recent" aria-label={title}>
      <h3>{title}</h3>
      <InboxList rows={rows.slice(0, RECENT)} box={filters.box} />
      {rows.length > RECENT && (
        <p>
          <Link to={more}>{t('worklist.seeAll')}</Link>
        </p>
      )}
    </section>
  );
}

/**
 * The inbox URL for a worklist bucket: the API query WORKLIST_FILTERS names, in the inbox's own
 * URL words (assignee for assigneeId; received box and "open" are the inbox's defaults).
 */
export const inboxHrefOf = (filter: Readonly<Record<string, string>>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (k === 'box' && v === 'received') continue;
    if (k === 'closed' && v === 'false') continue;
    p.set(k === 'assigneeId' ? 'assignee' : k, v);
  }
  const q = p.toString();
  return q ? `${paths.referrals.href()}?${q}` : paths.referrals.href();
};

type Side = keyof ReferralWorklist;

const LABELS: { [S in Side]: Record<keyof ReferralWorklist[S], MessageKey> } = {
  sent: {
    drafts: 'worklist.sent.drafts',
    returned: 'worklist.sent.returned',
    overdue: 'worklist.sent.overdue',
    unreadMessages: 'worklist.sent.unreadMessages',
  },
  received: {
    toAcknowledge: 'worklist.received.toAcknowledge',
    assignedToMe: 'worklist.received.assignedToMe',
    overdue: 'worklist.received.overdue',
    unreadMessages: 'worklist.received.unreadMessages',
  },
};

function Buckets({ side, counts }: { side: Side; counts: ReferralWorklist[Side] }) {
  const t = useT();
  const filters: Record<string, Readonly<Record<string, string>>> = WORKLIST_FILTERS[side];
  const labels: Record<string, MessageKey> = LABELS[side];
  const entries = Object.entries(counts) as [string, number][];
  return (
    <section className="worklist-side" aria-labelledby={`worklist-${side}`}>
      <h3 id={`worklist-${side}`}>{t(`worklist.${side}`)}</h3>
      <ul className="worklist-buckets">
        {entries.map(([bucket, n]) => (
          <li key={bucket} className={n > 0 ? 'worklist-bucket has-items' : 'worklist-bucket'}>
            <Link to={inboxHrefOf(filters[bucket]!)} aria-label={`${t(labels[bucket]!)}: ${n}`}>
              <span className="worklist-count">{n}</span>
              <span className="worklist-name">{t(labels[bucket]!)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {side === 'sent' ? (
        <Recent
          title={t('worklist.recentSent')}
          filters={{ box: 'sent', sentBy: 'me', closed: false, sort: 'urgency' }}
          more={inboxHrefOf({ box: 'sent', sentBy: 'me', sort: 'urgency' })}
        />
      ) : (
        <Recent
          title={t('worklist.recentReceived')}
          filters={{ box: 'received', status: 'sent', sort: 'urgency' }}
          more={inboxHrefOf({ ...WORKLIST_FILTERS.received.toAcknowledge, sort: 'urgency' })}
        />
      )}
    </section>
  );
}

/**
 * Home: what needs the signed-in user, one number per bucket linking to its inbox list. The sent
 * side shows for people who send (or have sent), the received side for receiving organizations
 * (or when something came in).
 */
export function Worklist({ sends, receives }: { sends: boolean; receives: boolean }) {
  const t = useT();
  const q = useQuery(referralQueries.worklist());
  const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return (
    <Card title={t('worklist.label')}>
      {q.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : q.isError ? (
        <Alert tone="danger">{errorMessage(q.error, t)}</Alert>
      ) : (
        <>
          <div className="worklist">
            {(sends || total(q.data.sent) > 0) && <Buckets side="sent" counts={q.data.sent} />}
            {(receives || total(q.data.received) > 0) && <Buckets side="received" counts={q.data.received} />}
          </div>
          {total(q.data.sent) + total(q.data.received) === 0 && <p className="muted">{t('worklist.allClear')}</p>}
          <p>
            <Link to={paths.referrals.href()}>{t('worklist.openInbox')}</Link>
          </p>
        </>
      )}
    </Card>
  );
}
