import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Role } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useUpdateMember = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiCall(api.updateMember, { params: { id: organizationId, userId }, body: { role } }),
    onSuccess: () => invalidate(queryClient, queryKeys.members.all),
  });
};
