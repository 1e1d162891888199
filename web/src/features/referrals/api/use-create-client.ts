import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateClientBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { clientQueries } from './queries';

export const useCreateClient = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientBody) => apiCall(api.createClient, { body }),
    onSuccess: async ({ client }) => {
      queryClient.setQueryData(clientQueries.detail(client.id).queryKey, client);
      await invalidate(queryClient, queryKeys.clients.all);
    },
  });
};
