import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateConsentBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useAddConsent = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsentBody) => apiCall(api.createConsent, { params: { id: clientId }, body }),
    // A consent can complete a referral's packet too.
    onSuccess: () => invalidate(queryClient, queryKeys.clients.all, queryKeys.referrals.all),
  });
};
