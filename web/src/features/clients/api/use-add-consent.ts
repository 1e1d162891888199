import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateConsentBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { clientQueries } from './queries';

export const useAddConsent = (clientId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsentBody) => apiCall(api.createConsent, { params: { id: clientId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientQueries.consents(clientId).queryKey }),
  });
};
