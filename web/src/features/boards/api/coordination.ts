import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

// Coordinators' screens: charters, application review, members, participatory budgeting.
// Keys sit under the board's detail key, so a board's invalidation reaches them all.
export type Board = EndpointOutput<typeof api.getBoard>;
export type Charter = EndpointOutput<typeof api.getCharter>;
export type Application = EndpointOutput<typeof api.getApplication>;
export type Member = EndpointOutput<typeof api.getBoardMember>;
export type BudgetRound = EndpointOutput<typeof api.getBudgetRound>;
export type CreateBoardBody = EndpointInput<typeof api.createBoard>['body'];
export type UpdateBoardBody = EndpointInput<typeof api.updateBoard>['body'];
export type UpdateMemberBody = EndpointInput<typeof api.updateBoardMember>['body'];

const key = (id: string, ...rest: string[]) => [...queryKeys.boards.detail(id), ...rest] as const;

export const coordinationQueries = {
  charters: (id: string) => queryOptions({ queryKey: key(id, 'charters'), queryFn: () => apiCall(api.listCharters, { params: { id } }) }),
  members: (id: string) => queryOptions({ queryKey: key(id, 'members'), queryFn: () => apiCall(api.listBoardMembers, { params: { id } }) }),
  selected: (id: string) => queryOptions({ queryKey: key(id, 'applications', 'selected'), queryFn: () => apiCall(api.listApplications, { params: { id }, query: { status: 'selected' } }) }),
  application: (id: string, applicationId: string) =>
    queryOptions({ queryKey: key(id, 'application', applicationId), queryFn: () => apiCall(api.getApplication, { params: { id, applicationId } }) }),
  rounds: (id: string) => queryOptions({ queryKey: key(id, 'budget'), queryFn: () => apiCall(api.listBudgetRounds, { params: { id } }) }),
  round: (id: string, roundId: string) => queryOptions({ queryKey: key(id, 'budget', roundId), queryFn: () => apiCall(api.getBudgetRound, { params: { id, roundId } }) }),
};

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
/** A mutation that reloads everything about the board (and the boards list) once it succeeds. */
const useBoardMutation = <V, R>(boardId: string, fn: (v: V) => Promise<R>) => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate(qc, boardId ? queryKeys.boards.detail(boardId) : queryKeys.boards.all, queryKeys.boards.lists()) });
};

export const useCreateBoard = () => useBoardMutation('', (body: CreateBoardBody) => apiCall(api.createBoard, { body }));
export const useUpdateBoard = (id: string) =>
  useBoardMutation(id, ({ version, body }: { version: number; body: UpdateBoardBody }) => apiCall(api.updateBoard, { params: { id }, body, headers: ifMatch(version) }));
export const useCreateCharter = (id: string) =>
  useBoardMutation(id, (sections: EndpointInput<typeof api.createCharter>['body']['sections']) => apiCall(api.createCharter, { params: { id }, body: { sections } }));
export const useAcknowledgeCharter = (id: string) =>
  useBoardMutation(id, ({ charterId, memberId }: { charterId: string; memberId: string }) => apiCall(api.acknowledgeCharter, { params: { id, charterId }, body: { memberId } }));
export const usePutReview = (id: string, applicationId: string) =>
  useBoardMutation(id, (body: EndpointInput<typeof api.putReview>['body']) => apiCall(api.putReview, { params: { id, applicationId }, body }));
export const useDecide = (id: string, applicationId: string) =>
  useBoardMutation(id, ({ version, ...body }: { version: number; decision: Application['status'] & ('selected' | 'waitlisted' | 'declined'); message?: string }) =>
    apiCall(api.decideApplication, { params: { id, applicationId }, body, headers: ifMatch(version) }),
  );
export const useSeatMember = (id: string) => useBoardMutation(id, (body: EndpointInput<typeof api.createBoardMember>['body']) => apiCall(api.createBoardMember, { params: { id }, body }));
export const useUpdateMember = (id: string) =>
  useBoardMutation(id, ({ memberId, version, body }: { memberId: string; version: number; body: UpdateMemberBody }) =>
    apiCall(api.updateBoardMember, { params: { id, memberId }, body, headers: ifMatch(version) }),
  );
export const useCreateRound = (id: string) => useBoardMutation(id, (body: EndpointInput<typeof api.createBudgetRound>['body']) => apiCall(api.createBudgetRound, { params: { id }, body }));
export const useUpdateRound = (id: string, roundId: string) =>
  useBoardMutation(id, ({ version, body }: { version: number; body: EndpointInput<typeof api.updateBudgetRound>['body'] }) =>
    apiCall(api.updateBudgetRound, { params: { id, roundId }, body, headers: ifMatch(version) }),
  );
export const useAddProposal = (id: string, roundId: string) =>
  useBoardMutation(id, (body: EndpointInput<typeof api.createBudgetProposal>['body']) => apiCall(api.createBudgetProposal, { params: { id, roundId }, body }));
export const usePutVote = (id: string, roundId: string) =>
  useBoardMutation(id, ({ memberId, points }: { memberId: string; points: Record<string, number> }) => apiCall(api.putBudgetVote, { params: { id, roundId, memberId }, body: { points } }));
