import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, parseClientSearch, type ReferralDirection, type ReferralStatus, type SdohCategory, type Spa } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

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

// Keys from lib/query-keys.ts. Everything about referrals shares the `referrals` prefix: lists,
// counts, details and a referral's timeline/messages; a change invalidates the whole prefix.
export const referralQueries = {
  list: (filters: ReferralFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.referrals.list(filters),
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
      queryKey: queryKeys.referrals.network(filters),
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
      queryKey: queryKeys.referrals.counts(box),
      queryFn: () => apiCall(api.countReferrals, { query: { box } }),
    }),
  /** The home worklist: under the lists, so whatever refreshes the inbox refreshes it. */
  worklist: () =>
    queryOptions({
      queryKey: queryKeys.referrals.worklist(),
      queryFn: () => apiCall(api.getReferralWorklist),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.referrals.detail(id),
      queryFn: () => apiCall(api.getReferral, { params: { id } }),
    }),
  timeline: (id: string) =>
    queryOptions({
      queryKey: queryKeys.referrals.timeline(id),
      queryFn: () => apiCall(api.getReferralTimeline, { params: { id } }),
    }),
  messages: (id: string) =>
    queryOptions({
      queryKey: queryKeys.referrals.messages(id),
      queryFn: () => apiCall(api.listReferralMessages, { params: { id }, query: { limit: 200 } }),
    }),
};

// Clients and their consents (PHI), read while building a referral. The client record
// (features/clients) reads the same `clients` keys, so a change made on either page refreshes both.
export const clientQueries = {
  /** The picker's first page of a search (the client record's search pages on under the same prefix). */
  search: (q: string) =>
    queryOptions({
      queryKey: queryKeys.clients.picker(q),
      queryFn: () => apiCall(api.searchClients, { query: { q, limit: 10 } }),
      enabled: parseClientSearch(q) !== null,
    }),
  matches: (name: string, dateOfBirth?: string) =>
    queryOptions({
      queryKey: queryKeys.clients.matches(name, dateOfBirth ?? null),
      queryFn: () => apiCall(api.findClientMatches, { query: { name, dateOfBirth } }),
      enabled: name.trim().length >= 2,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.clients.detail(id),
      queryFn: () => apiCall(api.getClient, { params: { id } }),
    }),
  consents: (id: string) =>
    queryOptions({
      queryKey: queryKeys.clients.consents(id),
      queryFn: () => apiCall(api.listConsents, { params: { id } }),
    }),
};

// The partners a referral can go to: directory reads, under the directory's own resource keys
// (organizations, services, members), so a partner renamed or added anywhere shows here at once.
export const partnerQueries = {
  organizations: () =>
    queryOptions({
      queryKey: queryKeys.organizations.picker(),
      queryFn: () => apiCall(api.listOrganizations, { query: { limit: 200 } }),
      staleTime: 5 * 60_000,
    }),
  services: (organizationId: string) =>
    queryOptions({
      queryKey: queryKeys.services.ofOrganization(organizationId),
      queryFn: () => apiCall(api.listOrganizationServices, { params: { id: organizationId }, query: { limit: 200 } }),
      enabled: !!organizationId,
    }),
  service: (id: string) =>
    queryOptions({
      queryKey: queryKeys.services.detail(id),
      queryFn: () => apiCall(api.getService, { params: { id } }),
      enabled: !!id,
    }),
  members: (organizationId: string) =>
    queryOptions({
      queryKey: queryKeys.members.colleagues(organizationId),
      queryFn: () => apiCall(api.listColleagues, { params: { id: organizationId }, query: { limit: 200 } }),
    }),
};
