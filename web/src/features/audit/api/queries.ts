import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface AuditFilters {
  actorUserId?: string | undefined;
  action?: string | undefined;
  /** ISO timestamps: the range is what lets the API read only those months. */
  from?: string | undefined;
  to?: string | undefined;
  clientId?: string | undefined;
  entityId?: string | undefined;
}

export const auditQueries = {
  list: (f: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.audit.list(f),
      queryFn: ({ pageParam }) => apiCall(api.listAudit, { query: { ...f, limit: 50, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** People to pick as "who" (network admins: everyone; org admins: their organizations'). */
  people: (q: string) =>
    queryOptions({
      queryKey: queryKeys.members.people(q),
      queryFn: () => apiCall(api.listUsers, { query: { q, limit: 20 } }),
      enabled: q.trim().length >= 2,
    }),
};
