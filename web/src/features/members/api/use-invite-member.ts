import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Locale, type Role } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { memberQueries } from './queries';

export const useInviteMember = (organizationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: Role; locale: Locale }) =>
      apiCall(api.inviteMember, { params: { id: organizationId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberQueries.all }),
  });
};
