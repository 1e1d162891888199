import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import type { z } from 'zod';
import type { CreateContactBodySchema } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryPrefixes, invalidate } from '../../../lib/query-keys';

export type ContactBody = z.input<typeof CreateContactBodySchema>;

/** Adds a contact, or edits one when `contactId` is given. */
export const useSaveContact = (organizationId: string, contactId?: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactBody) =>
      contactId
        ? apiCall(api.updateContact, { params: { id: contactId }, body })
        : apiCall(api.createContact, { params: { id: organizationId }, body }),
    onSuccess: () => invalidate(queryClient, ...directoryPrefixes),
  });
};
