import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { referralQueries } from './queries';

export const useMarkReferralRead = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(api.markReferralRead, { params: { id } }),
    // Unread counts live on inbox rows and tab counts.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralQueries.lists() }),
  });
};
