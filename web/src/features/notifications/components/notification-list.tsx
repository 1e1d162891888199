import { Link } from 'react-router';
import type { Notification } from '@tandem/contract';
import { paths } from '../../../config/paths';
import { notificationTitle } from '../../../i18n/codes';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';
import { useMarkNotificationRead } from '../api/use-mark-notification-read';
import { RelativeTime } from './relative-time';
import { useNow } from './use-now';
import './notifications.css';

const kindLabel: Record<Notification['kind'], MessageKey> = {
  'referral.received': 'notifications.kind.received',
  'referral.status_changed': 'notifications.kind.statusChanged',
  'referral.message': 'notifications.kind.message',
  'referral.overdue': 'notifications.kind.overdue',
};

type Props = {
  items: Notification[];
  label: string;
  /** After following a notification's link (the panel closes itself). */
  onFollow?: () => void;
};

/** Notifications, newest first; unread ones stand out, and following one marks it read. */
export function NotificationList({ items, label, onFollow }: Props) {
  const t = useT();
  const now = useNow();
  const markRead = useMarkNotificationRead();
  return (
    <ul className="notif-list" aria-label={label}>
      {items.map((n) => {
        const unread = !n.readAt;
        const body = (
          <>
            <span className="notif-kind">
              {unread && <span className="visually-hidden">{t('notifications.unread')}: </span>}
              {t(kindLabel[n.kind])}
            </span>
            {/* Worded from kind + data in the reader's language; the API's English title is the fallback. */}
            <span className="notif-title">{notificationTitle(n, t)}</span>
            <span className="notif-time">
              <RelativeTime iso={n.createdAt} now={now} />
            </span>
          </>
        );
        return (
          <li key={n.id} className={`notif-item${unread ? ' is-unread' : ''}`}>
            {n.referralId ? (
              <Link
                className="notif-body"
                to={paths.referral.href(n.referralId)}
                onClick={() => {
                  if (unread) markRead.mutate(n.id);
                  onFollow?.();
                }}
              >
                {body}
              </Link>
            ) : (
              // The contract allows a notification tied to no referral: nothing to open, so mark it here.
              <div className="notif-body">
                {body}
                {unread && (
                  <button type="button" className="link-button notif-mark" onClick={() => markRead.mutate(n.id)}>
                    {t('notifications.markRead')}
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
