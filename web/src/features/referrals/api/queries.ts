import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, parseClientSearch, type ReferralDirection, type ReferralStatus, type SdohCategory, type Spa } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

export interface ReferralFilters {
  box: ReferralDirection;
  status?: ReferralStatus | undefined;
  need?: SdohCategory | undefined;
  overdue?: boolean | undefined;
  assigneeId?: 'me' | 'none' | undefined;
  sentBy?: 'me' | undefined;
  /** false: drafts and open ones; true: closed ones; undefined: all. */
  closed?: boolean | undefined;
  returned?: boolean | undefined;
  unread?: boolean | undefined;
  sort?: 'newest' | 'urgency' | undefined;
  q?: string | undefined;
}

export interface NetworkFilters {
  organizationId?: string | undefined;
  spa?: Spa | undefined;
  status?: ReferralStatus | undefined;
  need?: SdohCategory | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

const PAGE_SIZE = 25;

// Everything about referrals shares the `referrals` prefix: lists, counts, details and a
// referral's timeline/messages. A change invalidates the narrowest prefix that covers it.
export const referralQueries = {
  all: ['referrals'] as const,
  lists: () => [...referralQueries.all, 'list'] as const,
  list: (filters: ReferralFilters) =>
    infiniteQueryOptions({
      queryKey: [...referralQueries.lists(), filters] as const,
      queryFn: ({ pageParam }) =>
        apiCall(api.listReferrals, {
          query: {
            box: filters.box,
            status: filters.status,
            need: filters.need,
            overdue: filters.overdue ? 'true' : undefined,
            assigneeId: filters.assigneeId,
            sentBy: filters.sentBy,
            closed: filters.closed === undefined ? undefined : filters.closed ? 'true' : 'false',
            returned: filters.returned ? 'true' : undefined,
            unread: filters.unread ? 'true' : undefined,
            sort: filters.sort,
            q: filters.q,
            limit: PAGE_SIZE,
            cursor: pageParam,
          },
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** The network box (network admins, collaboration team): every sent referral, read-only. */
  network: (filters: NetworkFilters) =>
    infiniteQueryOptions({
      queryKey: [...referralQueries.lists(), 'network', filters] as const,
      queryFn: ({ pageParam }) =>
        apiCall(api.listReferrals, {
          query: {
            box: 'network',
            organizationId: filters.organizationId,
            spa: filters.spa,
            status: filters.status,
            need: filters.need,
            overdue: filters.overdue ? 'true' : undefined,
            q: filters.q,
            limit: PAGE_SIZE,
            cursor: pageParam,
          },
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  counts: (box: ReferralDirection) =>
    queryOptions({
      queryKey: [...referralQueries.lists(), 'counts', box] as const,
      queryFn: () => apiCall(api.countReferrals, { query: { box } }),
    }),
  /** The home worklist: under lists(), so whatever refreshes the inbox refreshes it. */
  worklist: () =>
    queryOptions({
      queryKey: [...referralQueries.lists(), 'worklist'] as const,
      queryFn: () => apiCall(api.getReferralWorklist),
    }),
  details: () => [...referralQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...referralQueries.details(), id] as const,
      queryFn: () => apiCall(api.getReferral, { params: { id } }),
    }),
  timeline: (id: string) =>
    queryOptions({
      queryKey: [...referralQueries.details(), id, 'timeline'] as const,
      queryFn: () => apiCall(api.getReferralTimeline, { params: { id } }),
    }),
  messages: (id: string) =>
    queryOptions({
      queryKey: [...referralQueries.details(), id, 'messages'] as const,
      queryFn: () => apiCall(api.listReferralMessages, { params: { id }, query: { limit: 200 } }),
    }),
};

// Clients and their consents (PHI): their own prefix, read only while building a referral. The
// client record (features/clients) uses the same ['clients'] keys for detail and consents on
// purpose, so a change made on either page refreshes the other.
export const clientQueries = {
  all: ['clients'] as const,
  /** The picker's first page of a search (the client record's search pages on under the same prefix). */
  search: (q: string) =>
    queryOptions({
      queryKey: [...clientQueries.all, 'search', q, 'picker'] as const,
      queryFn: () => apiCall(api.searchClients, { query: { q, limit: 10 } }),
      enabled: parseClientSearch(q) !== null,
    }),
  matches: (name: string, dateOfBirth?: string) =>
    queryOptions({
      queryKey: [...clientQueries.all, 'matches', name, dateOfBirth ?? null] as const,
      queryFn: () => apiCall(api.findClientMatches, { query: { name, dateOfBirth } }),
      enabled: name.trim().length >= 2,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...clientQueries.all, 'detail', id] as const,
      queryFn: () => apiCall(api.getClient, { params: { id } }),
    }),
  consents: (id: string) =>
    queryOptions({
      queryKey: [...clientQueries.all, 'detail', id, 'consents'] as const,
      queryFn: () => apiCall(api.listConsents, { params: { id } }),
    }),
};

// The partners a referral can go to (directory reads), under a prefix of their own so the
// directory feature's caches and ours never collide.
export const partnerQueries = {
  all: ['referral-partners'] as const,
  organizations: () =>
    queryOptions({
      queryKey: [...partnerQueries.all, 'organizations'] as const,
      queryFn: () => apiCall(api.listOrganizations, { query: { limit: 200 } }),
      staleTime: 5 * 60_000,
    }),
  services: (organizationId: string) =>
    queryOptions({
      queryKey: [...partnerQueries.all, 'services', organizationId] as const,
      queryFn: () => apiCall(api.listOrganizationServices, { params: { id: organizationId }, query: { limit: 200 } }),
      enabled: !!organizationId,
    }),
  service: (id: string) =>
    queryOptions({
      queryKey: [...partnerQueries.all, 'service', id] as const,
      queryFn: () => apiCall(api.getService, { params: { id } }),
      enabled: !!id,
    }),
  members: (organizationId: string) =>
    queryOptions({
      queryKey: [...partnerQueries.all, 'members', organizationId] as const,
      queryFn: () => apiCall(api.listColleagues, { params: { id: organizationId }, query: { limit: 200 } }),
    }),
};
