import { queryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

export const apiKeyQueries = {
  all: ['api-keys'] as const,
  lists: () => [...apiKeyQueries.all, 'list'] as const,
  list: (organizationId: string) =>
    queryOptions({
      queryKey: [...apiKeyQueries.lists(), organizationId] as const,
      queryFn: () => apiCall(api.listApiKeys, { params: { id: organizationId } }),
    }),
};
