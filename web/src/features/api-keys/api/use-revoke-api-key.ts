import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useRevokeApiKey = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => apiCall(api.revokeApiKey, { params: { id: organizationId, keyId } }),
    onSuccess: () => invalidate(queryClient, queryKeys.apiKeys.all),
  });
};
