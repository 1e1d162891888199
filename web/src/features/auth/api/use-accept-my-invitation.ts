import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';
import { authQueries } from './queries';

/** Accept an invitation addressed to the signed-in user: the answer is `me` with the new membership. */
export const useAcceptMyInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(api.acceptMyInvitation, { params: { id } }),
    onSuccess: (me) => {
      queryClient.setQueryData(authQueries.me().queryKey, me);
      return invalidate(queryClient, queryKeys.me.invitations());
    },
  });
};
