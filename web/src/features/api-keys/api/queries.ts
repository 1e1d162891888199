import { queryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const apiKeyQueries = {
  list: (organizationId: string) =>
    queryOptions({
      queryKey: queryKeys.apiKeys.list(organizationId),
      queryFn: () => apiCall(api.listApiKeys, { params: { id: organizationId } }),
    }),
};
