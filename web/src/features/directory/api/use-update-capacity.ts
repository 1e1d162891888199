import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CapacityStatus } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryPrefixes, invalidate } from '../../../lib/query-keys';

export const useUpdateCapacity = (serviceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: CapacityStatus; note: string | null }) => apiCall(api.updateServiceCapacity, { params: { id: serviceId }, body }),
    // Search results, the service page and the organization's service list all show capacity.
    onSuccess: () => invalidate(queryClient, ...directoryPrefixes),
  });
};
