import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useCreateReferralMessage = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiCall(api.createReferralMessage, { params: { id }, body: { body } }),
    onSuccess: async () => {
      await invalidate(queryClient, queryKeys.referrals.all);
    },
  });
};
