import { queryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const webhookQueries = {
  /** Every subscription the caller manages (the page keeps the organization's). */
  list: () =>
    queryOptions({
      queryKey: queryKeys.webhooks.list(),
      queryFn: () => apiCall(api.listWebhooks, { query: { limit: 100 } }),
    }),
  /** The newest delivery attempts, refreshed while open (the worker delivers in the background). */
  attempts: (id: string) =>
    queryOptions({
      queryKey: queryKeys.webhooks.attempts(id),
      queryFn: () => apiCall(api.listWebhookAttempts, { params: { id }, query: { limit: 25 } }),
      refetchInterval: 5_000,
    }),
};
