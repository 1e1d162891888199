import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ClientReferral } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { referralStatusTone } from '../../../lib/labels';
import { clientQueries } from '../api/queries';

function Row({ r }: { r: ClientReferral }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <Link to={paths.referral.href(r.id)}>
        {r.sendingOrganizationName} → {r.receivingOrganizationName ?? t('ref.noPartner')}
        {r.receivingServiceName && ` · ${r.receivingServiceName}`}
      </Link>{' '}
      <Badge tone={referralStatusTone[r.status]}>{t(`refStatus.${r.status}`)}</Badge>
      <div className="muted">
        {r.needs.map((n) => t(`sdoh.${n}`)).join(', ')}
        {r.needs.length > 0 && ' · '}
        {formatDate(r.sentAt ?? r.createdAt, locale)}
      </div>
    </li>
  );
}

/** Every referral of the client the viewer may open (the API leaves out other organizations' drafts). */
export function ClientReferrals({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const list = useInfiniteQuery(clientQueries.referrals(clientId));
  if (list.isPending) return <Spinner label={t('app.loading')} />;
  if (list.isError) return <Alert tone="danger">{errorMessage(list.error, t)}</Alert>;
  const rows = list.data.pages.flatMap((p) => p.data);
  if (rows.length === 0) return <p className="muted">{t('client.noReferrals')}</p>;
  return (
    <div className="stack">
      <ul className="plain-list stack" aria-label={t('client.referrals')}>
        {rows.map((r) => (
          <Row key={r.id} r={r} />
        ))}
      </ul>
      {list.hasNextPage && (
        <div>
          <Button variant="secondary" size="sm" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
