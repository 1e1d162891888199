import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateOrganizationBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { orgQueries } from './queries';

export const useCreateOrganization = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => apiCall(api.createOrganization, { body }),
    onSuccess: async (org) => {
      queryClient.setQueryData(orgQueries.detail(org.id).queryKey, org);
      await invalidate(queryClient, queryKeys.organizations.all);
    },
  });
};
