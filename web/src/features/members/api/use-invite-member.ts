import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Locale, type Role } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { invalidate, queryKeys } from '../../../lib/query-keys';

export const useInviteMember = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: Role; locale: Locale }) =>
      apiCall(api.inviteMember, { params: { id: organizationId }, body }),
    onSuccess: () => invalidate(queryClient, queryKeys.members.all),
  });
};
