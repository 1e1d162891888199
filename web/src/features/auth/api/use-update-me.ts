import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Locale } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { authQueries } from './queries';

export const useUpdateMe = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: Locale }) => apiCall(api.updateMe, { body }),
    onSuccess: (me) => queryClient.setQueryData(authQueries.me().queryKey, me),
  });
};
