import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { authQueries } from '../features/auth/api/queries';
import { I18nProvider, useI18n } from '../i18n/i18n-provider';
import { createQueryClient } from '../lib/query-client';

/** A signed-in person's saved language follows them: apply it whenever the account (or its locale) changes. */
function LocaleFromAccount() {
  const me = useQuery(authQueries.me()).data;
  const { setLocale } = useI18n();
  const userId = me?.user.id;
  const userLocale = me?.user.locale;
  useEffect(() => {
    if (userLocale) setLocale(userLocale);
  }, [userId, userLocale, setLocale]);
  return null;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // A 401 anywhere means the session is gone: forget the user and the route guard sends them to sign in.
    const client = createQueryClient(() => client.setQueryData(authQueries.me().queryKey, null));
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocaleFromAccount />
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
