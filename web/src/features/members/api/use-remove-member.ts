import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useRemoveMember = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiCall(api.removeMember, { params: { id: organizationId, userId } }),
    onSuccess: () => invalidate(queryClient, queryKeys.members.all),
  });
};
