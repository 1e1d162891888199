import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useI18n } from '../../../i18n/i18n-provider';
import { authQueries } from './queries';

export const useLogin = () => {
  const queryClient = useQueryClient();
  const { locale, setLocale, choseThisVisit } = useI18n();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) => {
      const me = await apiCall(api.login, { body });
      // A language picked on the sign-in page just now wins, and becomes the saved preference;
      // otherwise the account's saved language follows the person to this device.
      if (choseThisVisit && me.user.locale !== locale) return apiCall(api.updateMe, { body: { locale } });
      return me;
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me.all[0] });
      queryClient.setQueryData(authQueries.me().queryKey, me);
      setLocale(me.user.locale);
    },
  });
};
