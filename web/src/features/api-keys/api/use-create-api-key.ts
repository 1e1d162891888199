import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiScope } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useCreateApiKey = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: ApiScope[] }) => apiCall(api.createApiKey, { params: { id: organizationId }, body }),
    onSuccess: () => invalidate(queryClient, queryKeys.apiKeys.all),
  });
};
