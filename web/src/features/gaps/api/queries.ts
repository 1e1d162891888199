import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Gap = EndpointOutput<typeof api.getGap>;
export type Coverage = EndpointOutput<typeof api.getCoverage>;
export type CreateGapBody = EndpointInput<typeof api.createGap>['body'];
export type GapFilters = Omit<NonNullable<EndpointInput<typeof api.listGaps>['query']>, 'limit' | 'cursor'>;
export type Period = { from: string; to: string };
export type CoverageFilters = Period & { axis: 'category' | 'community_support' };

// Everything under the `gaps` prefix: a write invalidates `all`, so the board, the gap, its
// history and evidence, and the coverage matrix (which counts open gaps) refetch.
export const gapQueries = {
  list: (filters: GapFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.gaps.list(filters),
      queryFn: ({ pageParam }) => apiCall(api.listGaps, { query: { ...filters, limit: 200, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) => queryOptions({ queryKey: queryKeys.gaps.detail(id), queryFn: () => apiCall(api.getGap, { params: { id } }) }),
  history: (id: string) =>
    queryOptions({ queryKey: queryKeys.gaps.history(id), queryFn: () => apiCall(api.listGapHistory, { params: { id }, query: { limit: 200 } }) }),
  evidence: (id: string, period: Period) =>
    queryOptions({ queryKey: queryKeys.gaps.evidence(id, period), queryFn: () => apiCall(api.getGapEvidence, { params: { id }, query: period }) }),
  coverage: (filters: CoverageFilters) =>
    queryOptions({ queryKey: queryKeys.gaps.coverage(filters), queryFn: () => apiCall(api.getCoverage, { query: filters }) }),
};

/** The last twelve months up to today (local dates), the default period. */
export const lastYear = (now = new Date()): Period => {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(now);
  from.setFullYear(from.getFullYear() - 1);
  from.setDate(from.getDate() + 1);
  return { from: iso(from), to: iso(now) };
};
