import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { authQueries } from '../../features/auth/api/queries';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useT } from '../../i18n/i18n-provider';
import { AuthLayout } from '../../layouts/auth-layout';

// Only same-site paths: `next` comes from the address bar and must not send people elsewhere.
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home.href());

export function SignInRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useQuery(authQueries.me());
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;
  return (
    <AuthLayout
      title={t('signIn.title')}
      intro={t('signIn.intro')}
      languageSwitch={<LanguageSwitch tone="dark" />}
      footer={
        <>
          <p>
            <Link to={paths.forgotPassword.href()}>{t('signIn.forgot')}</Link>
          </p>
          <p>{t('signIn.help')}</p>
          <p>
            <Link to={paths.directory.href()}>{t('public.findHelp')}</Link>
          </p>
        </>
      }
    >
      <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
    </AuthLayout>
  );
}
