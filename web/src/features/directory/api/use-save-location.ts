import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import type { z } from 'zod';
import type { CreateLocationBodySchema } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryPrefixes, invalidate } from '../../../lib/query-keys';

export type LocationBody = z.input<typeof CreateLocationBodySchema>;

/** Adds a location, or edits one when `locationId` is given. */
export const useSaveLocation = (organizationId: string, locationId?: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationBody) =>
      locationId
        ? apiCall(api.updateLocation, { params: { id: locationId }, body })
        : apiCall(api.createLocation, { params: { id: organizationId }, body }),
    onSuccess: () => invalidate(queryClient, ...directoryPrefixes),
  });
};
