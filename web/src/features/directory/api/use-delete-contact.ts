import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { ApiError } from '@tandem/contract/client';
import { apiCall } from '../../../lib/api-client';
import { directoryPrefixes, invalidate } from '../../../lib/query-keys';

/** Contacts carry no version, so there is no conflict to detect: the last writer wins. */
export const useDeleteContact = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      apiCall(api.deleteContact, { params: { id: contactId } }).catch((error: unknown) => {
        // Already removed (by a colleague, or in another tab): what the person asked for is done.
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }),
    // The organization page and every service page list contacts.
    onSuccess: () => invalidate(queryClient, ...directoryPrefixes),
  });
};
