import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type ServiceSearchQuery } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

const PAGE_SIZE = 20;
const MAX_PAGE = 200;

/** Search filters as the page keeps them (strings from the URL, already checked against the enums). */
export type SearchFilters = Omit<ServiceSearchQuery, 'limit' | 'cursor'>;

// Everything this feature caches lives under `directory`: services (search pages and details) under
// `directory/services`, so a capacity or hours change refreshes the service page and every search at once.
export const directoryKeys = {
  all: ['directory'] as const,
  services: () => [...directoryKeys.all, 'services'] as const,
  organizations: () => [...directoryKeys.all, 'organizations'] as const,
  organization: (id: string) => [...directoryKeys.organizations(), id] as const,
};

export const serviceQueries = {
  searches: () => [...directoryKeys.services(), 'search'] as const,
  search: (filters: SearchFilters) =>
    infiniteQueryOptions({
      queryKey: [...serviceQueries.searches(), filters] as const,
      queryFn: ({ pageParam }) => apiCall(api.searchServices, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  details: () => [...directoryKeys.services(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...serviceQueries.details(), id] as const,
      queryFn: () => apiCall(api.getService, { params: { id } }),
    }),
};

// An organization page shows every service, location and contact at once: one large page each.
export const organizationQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: [...directoryKeys.organization(id), 'detail'] as const,
      queryFn: () => apiCall(api.getOrganization, { params: { id } }),
    }),
  services: (id: string) =>
    queryOptions({
      queryKey: [...directoryKeys.organization(id), 'services'] as const,
      queryFn: () => apiCall(api.listOrganizationServices, { params: { id }, query: { limit: MAX_PAGE } }),
    }),
  locations: (id: string) =>
    queryOptions({
      queryKey: [...directoryKeys.organization(id), 'locations'] as const,
      queryFn: () => apiCall(api.listOrganizationLocations, { params: { id }, query: { limit: MAX_PAGE } }),
    }),
  contacts: (id: string) =>
    queryOptions({
      queryKey: [...directoryKeys.organization(id), 'contacts'] as const,
      queryFn: () => apiCall(api.listOrganizationContacts, { params: { id }, query: { limit: MAX_PAGE } }),
    }),
  history: (id: string) =>
    infiniteQueryOptions({
      queryKey: [...directoryKeys.organization(id), 'history'] as const,
      queryFn: ({ pageParam }) => apiCall(api.getOrganizationHistory, { params: { id }, query: { limit: 25, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
