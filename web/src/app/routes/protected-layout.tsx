import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate, useOutletContext } from 'react-router';
import type { Me } from '@tandem/contract';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { paths } from '../../config/paths';
import { authQueries } from '../../features/auth/api/queries';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { NotificationsBell } from '../../features/notifications/components/notifications-bell';
import { useT } from '../../i18n/i18n-provider';
import { AppShell } from '../../layouts/app-shell';
import { PublicLayout } from '../../layouts/public-layout';
import { errorMessage } from '../../lib/errors';
import { buildNav } from '../nav';

/** The signed-in user, for any page inside the shell. */
export const useMe = () => useOutletContext<Me>();
/** The signed-in user, or null for a visitor of a public page (`<ProtectedLayout allowAnonymous />`). */
export const useMaybeMe = () => useOutletContext<Me | null>();

function Account({ me }: { me: Me }) {
  const t = useT();
  const [first, ...rest] = me.memberships;
  return (
    <span className="account">
      <span className="account-name">{me.user.name}</span>
      <span className="account-org">
        {first ? first.organizationName : t('header.network')}
        {rest.length > 0 && ` ${t('header.moreOrgs', { count: rest.length })}`}
      </span>
    </span>
  );
}

/**
 * The signed-in shell. Pages under it need a session (visitors are sent to sign in), except under
 * `allowAnonymous`: the public directory, which a visitor sees in the public frame instead.
 */
export function ProtectedLayout({ allowAnonymous = false }: { allowAnonymous?: boolean }) {
  const t = useT();
  const me = useQuery(authQueries.me());
  const location = useLocation();
  const navigate = useNavigate();

  if (me.isPending)
    return (
      <div className="center-page">
        <Spinner label={t('app.loading')} />
      </div>
    );
  if (me.isError)
    return (
      <div className="center-page">
        <Alert tone="danger">{errorMessage(me.error, t)}</Alert>
        <Button variant="secondary" onClick={() => me.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  if (!me.data && allowAnonymous)
    return (
      <PublicLayout languageSwitch={<LanguageSwitch />}>
        <Outlet context={null} />
      </PublicLayout>
    );
  if (!me.data) return <Navigate to={paths.signIn.href(location.pathname + location.search)} replace />;

  return (
    <AppShell
      sections={buildNav(me.data, t)}
      account={<Account me={me.data} />}
      languageSwitch={<LanguageSwitch />}
      notifications={<NotificationsBell />}
      signOut={<SignOutButton onSignedOut={() => navigate(paths.signIn.href(), { replace: true })} />}
    >
      <Outlet context={me.data} />
    </AppShell>
  );
}
