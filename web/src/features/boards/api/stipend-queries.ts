import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export type StipendPaymentList = EndpointOutput<typeof api.listStipendPayments>;
export type StipendPayment = StipendPaymentList['data'][number];
export type StipendTotals = EndpointOutput<typeof api.getStipendTotals>;
export type StipendPolicy = EndpointOutput<typeof api.getStipendPolicy>;
export type CreateStipendBody = EndpointInput<typeof api.createStipendPayment>['body'];
export type PayMeetingBody = EndpointInput<typeof api.payMeeting>['body'];
export type UpdateStipendBody = EndpointInput<typeof api.updateStipendPayment>['body'];
export type UpdatePolicyBody = EndpointInput<typeof api.updateStipendPolicy>['body'];

/** Every stipend key of a board hangs under the board's detail key (query-keys.ts), so a board's invalidation reaches them. */
const stipendKeys = {
  all: (boardId: string) => [...queryKeys.boards.detail(boardId), 'stipends'] as const,
  payments: (boardId: string) => [...queryKeys.boards.detail(boardId), 'stipends', 'payments'] as const,
  totals: (boardId: string, year: number) => [...queryKeys.boards.detail(boardId), 'stipends', 'totals', year] as const,
  policy: (boardId: string) => [...queryKeys.boards.detail(boardId), 'stipends', 'policy'] as const,
  members: (boardId: string) => [...queryKeys.boards.detail(boardId), 'members'] as const,
};

export const stipendQueries = {
  /** Payments and advance balances (payment details: the API answers no-store and audits the read). */
  payments: (boardId: string) => queryOptions({ queryKey: stipendKeys.payments(boardId), queryFn: () => apiCall(api.listStipendPayments, { params: { id: boardId } }) }),
  totals: (boardId: string, year: number) => queryOptions({ queryKey: stipendKeys.totals(boardId, year), queryFn: () => apiCall(api.getStipendTotals, { params: { id: boardId }, query: { year } }) }),
  policy: (boardId: string) => queryOptions({ queryKey: stipendKeys.policy(boardId), queryFn: () => apiCall(api.getStipendPolicy, { params: { id: boardId } }) }),
  members: (boardId: string) => queryOptions({ queryKey: stipendKeys.members(boardId), queryFn: () => apiCall(api.listBoardMembers, { params: { id: boardId } }) }),
};

/** The year-end export as a plain link (the session cookie goes with it; the API answers the CSV as an attachment). */
export const stipendExportHref = (boardId: string, year: number) => `${api.exportStipends.path.replace('{id}', encodeURIComponent(boardId))}?year=${year}&format=csv`;

const useStipendMutation = <V, R>(boardId: string, fn: (v: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate(queryClient, stipendKeys.all(boardId)) });
};

export const useCreateStipend = (boardId: string) => useStipendMutation(boardId, (body: CreateStipendBody) => apiCall(api.createStipendPayment, { params: { id: boardId }, body }));
export const usePayMeeting = (boardId: string) => useStipendMutation(boardId, (body: PayMeetingBody) => apiCall(api.payMeeting, { params: { id: boardId }, body }));
/** On the version the list showed (If-Match): a change since is a 409 stale_version. */
export const useUpdateStipend = (boardId: string) =>
  useStipendMutation(boardId, ({ paymentId, version, body }: { paymentId: string; version: number; body: UpdateStipendBody }) =>
    apiCall(api.updateStipendPayment, { params: { id: boardId, paymentId }, body, headers: { 'if-match': `"${version}"` } }),
  );
export const useUpdatePolicy = (boardId: string) =>
  useStipendMutation(boardId, ({ version, body }: { version: number; body: UpdatePolicyBody }) => apiCall(api.updateStipendPolicy, { params: { id: boardId }, body, headers: { 'if-match': `"${version}"` } }));

/** After a 409 stale_version: load what someone else saved. */
export const useReloadStipends = (boardId: string) => {
  const queryClient = useQueryClient();
  return () => invalidate(queryClient, stipendKeys.all(boardId));
};
