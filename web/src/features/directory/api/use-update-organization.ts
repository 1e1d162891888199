import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type UpdateOrganizationBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryKeys } from './queries';

/** PATCH with the version last read: a 409 stale_version means someone else saved first. */
export const useUpdateOrganization = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => apiCall(api.updateOrganization, { params: { id: organizationId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.all }),
  });
};
