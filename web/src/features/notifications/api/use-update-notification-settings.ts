import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type EmailNotificationKind, type NotificationKind } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { notificationQueries } from './queries';

/** Saves which kinds the user gets (and which by email), naming the version they read; the answer is the new settings. */
export const useUpdateNotificationSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { enabled: Partial<Record<NotificationKind, boolean>>; email?: Partial<Record<EmailNotificationKind, boolean>>; version: number }) => apiCall(api.updateNotificationSettings, { body: v }),
    onSuccess: (s) => queryClient.setQueryData(notificationQueries.settings().queryKey, s),
    // A stale version: show what is saved now, so the person can choose again.
    onError: () => queryClient.invalidateQueries({ queryKey: notificationQueries.settings().queryKey }),
  });
};
