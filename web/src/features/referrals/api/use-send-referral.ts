import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type SendReferralBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { referralQueries } from './queries';

export const useSendReferral = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendReferralBody) => apiCall(api.sendReferral, { params: { id }, body }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(referralQueries.detail(id).queryKey, detail);
      await invalidate(queryClient, queryKeys.referrals.all);
    },
  });
};
