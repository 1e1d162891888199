import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type UpdateServiceBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryKeys } from './queries';

/** PATCH with the version last read: a 409 stale_version means someone else saved first. */
export const useUpdateService = (serviceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateServiceBody) => apiCall(api.updateService, { params: { id: serviceId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
};
