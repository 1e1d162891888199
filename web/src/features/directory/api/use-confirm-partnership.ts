import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

/** POST .../partnership/confirm with the version read: 422 partnership_evidence_missing asks for a note. */
export const useConfirmPartnership = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; note?: string }) => apiCall(api.confirmPartnership, { params: { id: organizationId }, body }),
    // The stage shows on the organization page, in lists and in the funnel.
    onSuccess: () => invalidate(queryClient, queryKeys.organizations.all),
  });
};
