import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { referralQueries } from './queries';

export const useCreateReferralMessage = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiCall(api.createReferralMessage, { params: { id }, body: { body } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: referralQueries.messages(id).queryKey }),
        queryClient.invalidateQueries({ queryKey: referralQueries.timeline(id).queryKey }),
      ]);
    },
  });
};
