import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

/** Follow (be notified of its changes and messages) or stop following a referral; its page re-reads `following`. */
export const useFollowReferral = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => apiCall(follow ? api.followReferral : api.unfollowReferral, { params: { id } }),
    onSettled: () => invalidate(queryClient, queryKeys.referrals.detail(id)),
  });
};
