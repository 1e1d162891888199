import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type WebhookEvent, type WebhookSubscription } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

const useRefreshing = <A, R>(fn: (a: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate(queryClient, queryKeys.webhooks.all) });
};

export const useCreateWebhook = (organizationId: string) =>
  useRefreshing((body: { url: string; events: WebhookEvent[] }) => apiCall(api.createWebhook, { body: { ...body, organizationId } }));

/** Each action on one subscription, named with the version last read (a stale page is refused, not applied). */
export const useWebhookActions = (sub: WebhookSubscription) => ({
  rotate: useRefreshing(() => apiCall(api.rotateWebhookSecret, { params: { id: sub.id }, body: { version: sub.version } })),
  resume: useRefreshing(() => apiCall(api.resumeWebhook, { params: { id: sub.id }, body: { version: sub.version } })),
  remove: useRefreshing(() => apiCall(api.deleteWebhook, { params: { id: sub.id } })),
  test: useRefreshing(() => apiCall(api.sendTestWebhook, { params: { id: sub.id } })),
  redeliver: useRefreshing((deliveryId: string) => apiCall(api.redeliverWebhook, { params: { id: sub.id, deliveryId } })),
});
