import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, type Notification } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { notificationQueries } from './queries';

type Page = { data: Notification[]; nextCursor: string | null };

/** The page with notification `id` (every unread one when null) shown read at `readAt`. */
const markedIn = (page: Page, id: string | null, readAt: string): Page => ({
  ...page,
  data: page.data.map((n) => ((id === null || n.id === id) && !n.readAt ? { ...n, readAt } : n)),
});

/** Shows notification `id` (all, when null) read in every cached query at once; the caller refetches after. */
const showRead = async (queryClient: QueryClient, id: string | null) => {
  // A refetch already on its way would write the old state back over this one.
  await queryClient.cancelQueries({ queryKey: notificationQueries.all });
  const readAt = new Date().toISOString();
  queryClient.setQueryData(notificationQueries.unread().queryKey, (p) => p && { ...p, data: id === null ? [] : p.data.filter((n) => n.id !== id), nextCursor: id === null ? null : p.nextCursor });
  queryClient.setQueryData(notificationQueries.latest().queryKey, (p) => p && markedIn(p, id, readAt));
  queryClient.setQueriesData<InfiniteData<Page>>({ queryKey: notificationQueries.lists() }, (d) => d && { ...d, pages: d.pages.map((p) => markedIn(p, id, readAt)) });
};

/**
 * Marks a notification read, and shows it read everywhere at once (optimistically): the bell's
 * count drops and the panel and the full list show it read, even the ones not on screen. Without
 * this, the panel reopened after following a link showed its cached "Unread" until it refetched.
 * Whatever happens, every notification query is fetched again afterwards.
 */
export const useMarkNotificationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(api.markNotificationRead, { params: { id } }),
    onMutate: (id) => showRead(queryClient, id),
    // Set here rather than per call: the panel that started it has usually closed (the person
    // followed the link), and the count must still be right.
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all }),
  });
};

/** Marks every unread notification read, shown at once like useMarkNotificationRead. */
export const useMarkAllNotificationsRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(api.markAllNotificationsRead),
    onMutate: () => showRead(queryClient, null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all }),
  });
};
