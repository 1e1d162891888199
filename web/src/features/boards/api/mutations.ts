import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApplicationDecision } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import type { SubmitApplicationBody } from './queries';

/** Sends the public application (no sign-in). */
export const useSubmitApplication = (boardId: string) =>
  useMutation({ mutationFn: (body: SubmitApplicationBody) => apiCall(api.submitApplication, { params: { id: boardId }, body }) });

/** Select, waitlist or decline, on the version the ranked list showed (If-Match): a change since is a 409 stale_version. */
export const useDecideApplication = (boardId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, version, decision }: { applicationId: string; version: number; decision: ApplicationDecision }) =>
      apiCall(api.decideApplication, { params: { id: boardId, applicationId }, body: { decision }, headers: { 'if-match': `"${version}"` } }),
    onSuccess: () => invalidate(queryClient, queryKeys.boards.all),
  });
};
