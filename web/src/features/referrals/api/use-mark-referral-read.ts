import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ReferralListItem } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { updateListRows } from '../../../lib/query-client';

/**
 * Marks a referral's thread read for the viewer (the thread calls it when shown). Its inbox rows
 * drop their "unread" badge at once (optimistically): going back to the inbox straight after
 * reading showed the old badge until the refetch landed. Every list and count is fetched again
 * afterwards, whatever happens.
 */
export const useMarkReferralRead = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiCall(api.markReferralRead, { params: { id } }),
    onMutate: async () => {
      // A refetch already on its way would write the old count back over this one.
      await queryClient.cancelQueries({ queryKey: queryKeys.referrals.lists() });
      updateListRows<ReferralListItem>(queryClient, queryKeys.referrals.lists(), (r) => (r.id === id && r.unreadMessages ? { ...r, unreadMessages: 0 } : r));
    },
    onSettled: () => invalidate(queryClient, queryKeys.referrals.lists()),
  });
};
