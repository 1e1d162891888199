import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type Notification } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { updateListRows } from '../../../lib/query-client';
import { notificationQueries } from './queries';

/** Notification `n` shown read at `readAt` if it is `id` (or any unread one when `id` is null). */
const markedRead = (id: string | null, readAt: string) => (n: Notification) => ((id === null || n.id === id) && !n.readAt ? { ...n, readAt } : n);

/** Shows notification `id` (all, when null) read in every cached query at once; the caller refetches after. */
const showRead = async (queryClient: QueryClient, id: string | null) => {
  // A refetch already on its way would write the old state back over this one.
  await queryClient.cancelQueries({ queryKey: queryKeys.notifications.all });
  const readAt = new Date().toISOString();
  queryClient.setQueryData(notificationQueries.unread().queryKey, (p) => p && { ...p, data: id === null ? [] : p.data.filter((n) => n.id !== id), nextCursor: id === null ? null : p.nextCursor });
  queryClient.setQueryData(notificationQueries.latest().queryKey, (p) => p && { ...p, data: p.data.map(markedRead(id, readAt)) });
  updateListRows(queryClient, queryKeys.notifications.lists(), markedRead(id, readAt));
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
    onSettled: () => invalidate(queryClient, queryKeys.notifications.all),
  });
};

/** Marks every unread notification read, shown at once like useMarkNotificationRead. */
export const useMarkAllNotificationsRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(api.markAllNotificationsRead),
    onMutate: () => showRead(queryClient, null),
    onSettled: () => invalidate(queryClient, queryKeys.notifications.all),
  });
};
