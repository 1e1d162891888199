import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateConsentBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useCreateConsent = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsentBody) => apiCall(api.createConsent, { params: { id: clientId }, body }),
    onSuccess: async () => {
      // A new consent can complete a draft's packet: its detail (packetMissing) must re-read.
      await invalidate(queryClient, queryKeys.clients.all, queryKeys.referrals.all);
    },
  });
};
