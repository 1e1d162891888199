import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { clientQueries } from './queries';

/** Records that the client withdrew a consent, with their reason when they gave one. */
export const useRevokeConsent = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, reason }: { consentId: string; reason: string }) =>
      apiCall(api.revokeConsent, { params: { id: consentId }, body: { reason: reason.trim() || null } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientQueries.consents(clientId).queryKey }),
  });
};
