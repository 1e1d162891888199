import type { Notification } from '@tandem/contract';

/** Notifications about one record: the newest first, and how many of them are unread. */
export interface NotificationGroup {
  key: string;
  latest: Notification;
  items: Notification[];
  unread: number;
}

/**
 * Groups a newest-first list by the record each is about (entityType + entityId), in the order of
 * each group's newest. A notification about no record stands alone. Grouping is over what is
 * loaded (the API pages notifications one by one), so "load more" can add to a group shown above.
 */
export const groupByEntity = (items: readonly Notification[]): NotificationGroup[] => {
  const groups = new Map<string, NotificationGroup>();
  for (const n of items) {
    const key = n.entityType && n.entityId ? `${n.entityType}:${n.entityId}` : `notification:${n.id}`;
    const g = groups.get(key);
    if (g) {
      g.items.push(n);
      if (!n.readAt) g.unread += 1;
    } else groups.set(key, { key, latest: n, items: [n], unread: n.readAt ? 0 : 1 });
  }
  return [...groups.values()];
};
