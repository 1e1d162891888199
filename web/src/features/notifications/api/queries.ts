import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The bell counts up to this many unread notifications, then shows "50+". */
export const UNREAD_CAP = 50;
const PANEL_SIZE = 10;
const PAGE_SIZE = 25;

export interface NotificationFilters {
  unreadOnly: boolean;
}

// Everything about notifications shares the `notifications` prefix (lib/query-keys.ts), so marking
// one read invalidates the bell's count, the panel and the full list at once.
export const notificationQueries = {
  unread: () =>
    queryOptions({
      queryKey: queryKeys.notifications.unread(),
      queryFn: () => apiCall(api.listNotifications, { query: { unread: 'true', limit: UNREAD_CAP } }),
      // New notifications arrive from other people's work: poll, and look again when the person
      // comes back to the tab (staleTime 0 so a focus inside the default 30 s window still checks).
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
      staleTime: 0,
    }),
  latest: () =>
    queryOptions({
      queryKey: queryKeys.notifications.latest(),
      queryFn: () => apiCall(api.listNotifications, { query: { limit: PANEL_SIZE } }),
      staleTime: 0,
    }),
  /** The signed-in user's settings (which kinds they get), with the version a save names. */
  settings: () =>
    queryOptions({
      queryKey: queryKeys.notifications.settings(),
      queryFn: () => apiCall(api.getNotificationSettings),
    }),
  list: (filters: NotificationFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.notifications.list(filters),
      queryFn: ({ pageParam }) =>
        apiCall(api.listNotifications, {
          query: { unread: filters.unreadOnly ? 'true' : undefined, limit: PAGE_SIZE, cursor: pageParam },
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
