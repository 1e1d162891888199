import { Link } from 'react-router';
import { notificationLink } from '../lib/link';
import type { Notification } from '@tandem/contract';
import { NOTIFICATION_KIND_KEYS, notificationTitle } from '../../../i18n/codes';
import { useT } from '../../../i18n/i18n-provider';
import { useMarkNotificationRead } from '../api/use-mark-notification-read';
import { groupByEntity } from '../group';
import { RelativeTime } from './relative-time';
import { useNow } from './use-now';
import './notifications.css';

type Props = {
  items: Notification[];
  label: string;
  /** After following a notification's link (the panel closes itself). */
  onFollow?: () => void;
};

/**
 * Notifications, newest first, grouped by the record they are about (issue 24): one row per
 * referral with its newest notification and how many more there are. Unread rows stand out, and
 * following one marks every unread notification of its group read.
 */
export function NotificationList({ items, label, onFollow }: Props) {
  const t = useT();
  const now = useNow();
  const markRead = useMarkNotificationRead();
  return (
    <ul className="notif-list" aria-label={label}>
      {groupByEntity(items).map(({ key, latest: n, items: group, unread: unreadCount }) => {
        const unread = unreadCount > 0;
        const markGroup = () => group.filter((x) => !x.readAt).forEach((x) => markRead.mutate(x.id));
        const body = (
          <>
            <span className="notif-kind">
              {unread && <span className="visually-hidden">{t('notifications.unread')}: </span>}
              {t(NOTIFICATION_KIND_KEYS[n.kind])}
            </span>
            {/* Worded from kind + data in the reader's language; the API's English title is the fallback. */}
            <span className="notif-title">{notificationTitle(n, t)}</span>
            {group.length > 1 && (
              <span className="notif-more">
                {t('notifications.more', { count: group.length - 1 })}
                {unreadCount > 1 && <span className="notif-group-unread">{t('notifications.groupUnread', { count: unreadCount })}</span>}
              </span>
            )}
            <span className="notif-time">
              <RelativeTime iso={n.createdAt} now={now} />
            </span>
          </>
        );
        return (
          <li key={key} className={`notif-item${unread ? ' is-unread' : ''}`}>
            {notificationLink(n) ? (
              <Link
                className="notif-body"
                to={notificationLink(n)!}
                onClick={() => {
                  markGroup();
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
                  <button type="button" className="link-button notif-mark" onClick={markGroup}>
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
