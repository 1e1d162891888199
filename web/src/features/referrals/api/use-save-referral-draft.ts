import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateReferralBody, type ReferralDetail } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { referralQueries } from './queries';

/** Creates the draft the first time, then edits it (with the version last read). */
export const useSaveReferralDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, body }: { draft: ReferralDetail | null; body: CreateReferralBody }) =>
      draft
        ? apiCall(api.updateReferral, { params: { id: draft.id }, body: { ...body, version: draft.version } })
        : apiCall(api.createReferral, { body }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(referralQueries.detail(detail.id).queryKey, detail);
      await invalidate(queryClient, queryKeys.referrals.all);
    },
  });
};
