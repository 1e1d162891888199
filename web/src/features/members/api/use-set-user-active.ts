import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

/** Deactivate (sign-in refused, sessions ended) or reactivate a person's account; members and users lists refresh. */
export const useSetUserActive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      apiCall(active ? api.reactivateUser : api.deactivateUser, { params: { id: userId } }),
    onSuccess: () => invalidate(queryClient, queryKeys.members.all),
  });
};
