import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListFooter } from '../../../components/ui/list-footer';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { notificationQueries } from '../api/queries';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationList } from './notification-list';
import { NotificationSettingsPanel } from './notification-settings';

/** Every notification of the signed-in user, newest first, a page at a time; the filter is in the URL. */
export function NotificationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const list = useInfiniteQuery(notificationQueries.list({ unreadOnly }));
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  const actions = (
    <div className="notif-page-actions">
      <MarkAllReadButton />
      <div className="segmented" role="group" aria-label={t('notifications.filter')}>
        <button type="button" aria-pressed={!unreadOnly} onClick={() => setParams({}, { replace: true })}>
          {t('notifications.filterAll')}
        </button>
        <button type="button" aria-pressed={unreadOnly} onClick={() => setParams({ unread: 'true' }, { replace: true })}>
          {t('notifications.filterUnread')}
        </button>
      </div>
    </div>
  );

  let content;
  if (list.isPending) content = <Spinner label={t('app.loading')} />;
  else if (list.isError) content = <Alert tone="danger">{errorMessage(list.error, t)}</Alert>;
  else if (rows.length === 0) content = unreadOnly ? (
      <EmptyState title={t('notifications.emptyUnread')} />
    ) : (
      <EmptyState title={t('notifications.empty')}>{t('notifications.emptyBody')}</EmptyState>
    );
  else
    content = (
      <>
        <Card className="notif-card">
          <NotificationList items={rows} label={t('notifications.title')} />
        </Card>
        <ListFooter pages={list} moreLabel={t('common.loadMore')} summary={t('common.showing', { count: rows.length })} />
      </>
    );

  return (
    <>
      <PageHeader title={t('notifications.title')} description={t('notifications.pageIntro')} actions={actions} />
      {content}
      <NotificationSettingsPanel />
    </>
  );
}
