import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import type { CreateEventBody, UpdateEventBody } from './queries';

export const useCreateEvent = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEventBody) => apiCall(api.createEngagementEvent, { body }),
    onSuccess: () => invalidate(queryClient, queryKeys.engagementEvents.all),
  });
};

/** PATCH with If-Match: the version the form was opened on. A 409 stale_version means someone else saved first. */
export const useUpdateEvent = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: Omit<UpdateEventBody, 'version'> }) =>
      apiCall(api.updateEngagementEvent, { params: { id }, body, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.engagementEvents.all),
  });
};

/** Remove with a reason (If-Match): the event leaves the list; the history keeps it. */
export const useDeleteEvent = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, reason }: { version: number; reason: string }) =>
      apiCall(api.deleteEngagementEvent, { params: { id }, body: { reason }, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.engagementEvents.all),
  });
};
