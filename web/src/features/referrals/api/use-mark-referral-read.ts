import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, type ReferralListItem } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { referralQueries } from './queries';

type Page = { data: ReferralListItem[]; nextCursor: string | null };

/** Inbox rows of referral `id` shown with nothing unread (other lists and the tab counts are left to the refetch). */
const readIn = (d: unknown, id: string) => {
  if (!d || typeof d !== 'object' || !('pages' in d)) return d;
  const data = d as InfiniteData<Page>;
  return { ...data, pages: data.pages.map((p) => ({ ...p, data: p.data.map((r) => (r.id === id && r.unreadMessages ? { ...r, unreadMessages: 0 } : r)) })) };
};

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
      await queryClient.cancelQueries({ queryKey: referralQueries.lists() });
      queryClient.setQueriesData({ queryKey: referralQueries.lists() }, (d: unknown) => readIn(d, id));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralQueries.lists() }),
  });
};
