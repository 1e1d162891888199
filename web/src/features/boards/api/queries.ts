import { queryOptions } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type SubmitApplicationBody = EndpointInput<typeof api.submitApplication>['body'];
export type RankedApplications = EndpointOutput<typeof api.listApplications>;

export const boardQueries = {
  list: () =>
    queryOptions({
      queryKey: queryKeys.boards.list({}),
      queryFn: () => apiCall(api.listBoards, { query: { limit: 100 } }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.boards.detail(id),
      queryFn: () => apiCall(api.getBoard, { params: { id } }),
    }),
  /** The ranked applications with scores and diversity counts (contact details: the API answers no-store and audits the read). */
  applications: (id: string) =>
    queryOptions({
      queryKey: queryKeys.boards.applications(id),
      queryFn: () => apiCall(api.listApplications, { params: { id } }),
    }),
  publicPage: (id: string) =>
    queryOptions({
      queryKey: queryKeys.boards.publicPage(id),
      queryFn: () => apiCall(api.getPublicBoard, { params: { id } }),
      retry: false,
    }),
  /** Issued once when the form opens (the API counts the time from here to sending); never refetched behind the person's back. */
  form: (id: string) =>
    queryOptions({
      queryKey: queryKeys.boards.form(id),
      queryFn: () => apiCall(api.startApplication, { params: { id } }),
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
};
