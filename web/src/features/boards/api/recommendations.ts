import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export type Recommendation = EndpointOutput<typeof api.getRecommendation>;
export type CreateRecommendationBody = EndpointInput<typeof api.createRecommendation>['body'];
export type UpdateRecommendationBody = Omit<EndpointInput<typeof api.updateRecommendation>['body'], 'version'>;
export type ImplementationUpdateBody = EndpointInput<typeof api.addRecommendationUpdate>['body'];
export type PublicBoardPage = EndpointOutput<typeof api.getPublicBoard>;

export const recommendationQueries = {
  /** Overdue first (the API orders them), with the overdue count. */
  list: (boardId: string) =>
    queryOptions({
      queryKey: queryKeys.boards.recommendations(boardId),
      queryFn: () => apiCall(api.listRecommendations, { params: { id: boardId } }),
    }),
  detail: (boardId: string, recommendationId: string) =>
    queryOptions({
      queryKey: queryKeys.boards.recommendation(boardId, recommendationId),
      queryFn: () => apiCall(api.getRecommendation, { params: { id: boardId, recommendationId } }),
    }),
};

export const useCreateRecommendation = (boardId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRecommendationBody) => apiCall(api.createRecommendation, { params: { id: boardId }, body }),
    onSuccess: () => invalidate(queryClient, queryKeys.boards.all),
  });
};

/** Edits and responses, on the version the page showed (If-Match): a change since is a 409 stale_version. */
export const useUpdateRecommendation = (boardId: string, recommendationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateRecommendationBody }) =>
      apiCall(api.updateRecommendation, { params: { id: boardId, recommendationId }, body, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.boards.all),
  });
};

export const useAddImplementationUpdate = (boardId: string, recommendationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImplementationUpdateBody) =>
      apiCall(api.addRecommendationUpdate, { params: { id: boardId, recommendationId }, body }),
    onSuccess: () => invalidate(queryClient, queryKeys.boards.all),
  });
};
