import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { apiKeyQueries } from './queries';

export const useRevokeApiKey = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => apiCall(api.revokeApiKey, { params: { id: organizationId, keyId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyQueries.lists() }),
  });
};
