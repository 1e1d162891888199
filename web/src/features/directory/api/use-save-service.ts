import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type CreateServiceBody, type UpdateServiceBody } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { directoryPrefixes, invalidate } from '../../../lib/query-keys';

export type ServiceBody = CreateServiceBody & Pick<UpdateServiceBody, 'version'>;

/**
 * Adds a service to the organization, or edits one when `serviceId` is given. An edit is a PATCH
 * with the version last read: a 409 stale_version means someone else saved first.
 */
export const useSaveService = (organizationId: string, serviceId?: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: ServiceBody) =>
      serviceId
        ? apiCall(api.updateService, { params: { id: serviceId }, body: { ...body, version } })
        : apiCall(api.createService, { params: { id: organizationId }, body }),
    // Search, the service page and the organization's service list all show services.
    onSuccess: () => invalidate(queryClient, ...directoryPrefixes),
  });
};
