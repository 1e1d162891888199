import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type UpdateClientBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { clientQueries } from './queries';

/** Saves contact details with the version the form was opened on (a stale one answers 409 stale_version). */
export const useUpdateClient = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateClientBody) => apiCall(api.updateClient, { params: { id }, body }),
    onSuccess: async (client) => {
      queryClient.setQueryData(clientQueries.detail(id).queryKey, client);
      await invalidate(queryClient, queryKeys.clients.all);
    },
  });
};
