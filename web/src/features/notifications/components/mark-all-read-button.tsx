import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { notificationQueries } from '../api/queries';
import { useMarkAllNotificationsRead } from '../api/use-mark-notification-read';

/** "Mark all read", shown only while something is unread (the bell's own query: no extra request). */
export function MarkAllReadButton() {
  const t = useT();
  const unread = useQuery(notificationQueries.unread()).data;
  const markAll = useMarkAllNotificationsRead();
  if (!unread?.data.length) return null;
  return (
    <Button variant="ghost" size="sm" onClick={() => markAll.mutate()}>
      {t('notifications.markAllRead')}
    </Button>
  );
}
