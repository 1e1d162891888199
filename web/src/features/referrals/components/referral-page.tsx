import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { referralQueries } from '../api/queries';
import { StatusBadge } from './labels';
import { FollowButton } from './follow-button';
import { LoopPanel } from './loop-panel';
import { MessageThread } from './message-thread';
import { PacketCard } from './packet-card';
import { ProgressSteps } from './progress-steps';
import { SendPanel, sendAttemptKey } from './send-panel';
import { StatusActions } from './status-actions';
import { Timeline } from './timeline';
import { WorkPanel, type Viewer } from './work-panel';
import './referrals.css';

export function ReferralPage({ id, viewer }: { id: string; viewer: Viewer }) {
  const t = useT();
  const detail = useQuery(referralQueries.detail(id));
  if (detail.isPending) return <Spinner label={t('app.loading')} />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404)
      return <EmptyState title={t('ref.notFound')}>{t('ref.notFoundBody')}</EmptyState>;
    return <Alert tone="danger">{errorMessage(detail.error, t)}</Alert>;
  }
  const r = detail.data;
  const onSide =
    viewer.orgIds.includes(r.sendingOrganizationId) || (!!r.receivingOrganizationId && viewer.orgIds.includes(r.receivingOrganizationId));
  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.referrals.href()}>{t('nav.referrals')}</Link>
      </p>
      <PageHeader
        title={r.clientName ?? t('ref.noClient')}
        description={t('ref.between', { from: r.sendingOrganizationName, to: r.receivingOrganizationName ?? '—' })}
        actions={<FollowButton id={r.id} following={r.following} />}
      />
      <div className="ref-layout">
        <div className="stack">
          <Card title={t('ref.status')}>
            <p className="ref-status-line">
              <StatusBadge status={r.status} />
              {r.statusReason && <span>{t(`closureReason.${r.statusReason}`)}</span>}
            </p>
            {r.statusNote && <p className="ref-tl-note">{r.statusNote}</p>}
            {r.forwardedToId && (
              <p>
                <Link to={paths.referral.href(r.forwardedToId)}>{t('ref.forwardedTo')}</Link>
              </p>
            )}
            {r.forwardedFromId && (
              <p>
                <Link to={paths.referral.href(r.forwardedFromId)}>{t('ref.forwardedFrom')}</Link>
              </p>
            )}
            <LoopPanel r={r} viewer={viewer} />
            <StatusActions r={r} />
            <WorkPanel r={r} viewer={viewer} />
          </Card>
          {r.status === 'draft' && r.allowedTransitions.includes('sent') && (
            <Card title={t('ref.sendStep')}>
              <SendPanel key={sendAttemptKey(r)} draft={r} />
            </Card>
          )}
          <PacketCard r={r} />
        </div>
        <div className="stack">
          <Card title={t('ref.messages')}>
            <MessageThread id={r.id} userId={viewer.userId} canWrite={onSide} />
          </Card>
          <Card title={t('ref.timeline')}>
            <ProgressSteps r={r} />
            <Timeline id={r.id} />
          </Card>
        </div>
      </div>
    </>
  );
}
