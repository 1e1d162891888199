import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type UpdateOrganizationBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

/** PATCH with the version last read: a 409 stale_version means someone else saved first. */
export const useUpdateOrganization = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => apiCall(api.updateOrganization, { params: { id: organizationId }, body }),
    // Its name shows in the admin list, the partner picker, on every service card and page.
    onSuccess: () => invalidate(queryClient, queryKeys.organizations.all, queryKeys.services.all),
  });
};
