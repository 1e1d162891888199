import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

/** Records that the client withdrew a consent, with their reason when they gave one. */
export const useRevokeConsent = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, reason }: { consentId: string; reason: string }) =>
      apiCall(api.revokeConsent, { params: { id: consentId }, body: { reason: reason.trim() || null } }),
    onSuccess: () => invalidate(queryClient, queryKeys.clients.all, queryKeys.referrals.all),
  });
};
