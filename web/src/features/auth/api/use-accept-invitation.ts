import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-provider';
import { authQueries } from './queries';

export const useAcceptInvitation = () => {
  const queryClient = useQueryClient();
  const { setLocale } = useI18n();
  return useMutation({
    mutationFn: (body: { token: string; name?: string; password: string }) => apiCall(api.acceptInvitation, { body }),
    onSuccess: (me) => {
      queryClient.setQueryData(authQueries.me().queryKey, me);
      setLocale(me.user.locale);
    },
  });
};
