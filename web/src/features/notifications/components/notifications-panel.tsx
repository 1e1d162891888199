import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { notificationQueries } from '../api/queries';
import { MarkAllReadButton } from './mark-all-read-button';
import { NotificationList } from './notification-list';

/** The bell's panel: the latest notifications (read and unread) and a way to the full list. */
export function NotificationsPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const headingId = useId();
  const latest = useQuery(notificationQueries.latest());

  let content;
  if (latest.isPending) content = <Spinner label={t('app.loading')} />;
  else if (latest.isError) content = <Alert tone="danger">{errorMessage(latest.error, t)}</Alert>;
  else if (latest.data.data.length === 0) content = (
      <div className="notif-empty">
        <p className="notif-empty-title">{t('notifications.empty')}</p>
        <p className="muted">{t('notifications.emptyBody')}</p>
      </div>
    );
  else content = <NotificationList items={latest.data.data} label={t('notifications.latest')} onFollow={onClose} />;

  return (
    <section id={id} className="notif-panel" aria-labelledby={headingId}>
      <div className="notif-panel-head">
        <h2 id={headingId} className="notif-panel-title">
          {t('notifications.title')}
        </h2>
        <MarkAllReadButton />
      </div>
      <div className="notif-panel-body">{content}</div>
      <div className="notif-panel-foot">
        <Link to={paths.notifications.href()} onClick={onClose}>
          {t('notifications.showAll')}
        </Link>
      </div>
    </section>
  );
}
