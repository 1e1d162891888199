import { Link, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { ForgotPasswordForm, ResetPasswordForm } from '../../features/auth/components/password-reset-forms';
import { useT } from '../../i18n/i18n-provider';
import { AuthLayout } from '../../layouts/auth-layout';

export function ForgotPasswordRoute() {
  const t = useT();
  return (
    <AuthLayout
      title={t('reset.forgotTitle')}
      intro={t('reset.forgotIntro')}
      languageSwitch={<LanguageSwitch tone="dark" />}
      footer={
        <p>
          <Link to={paths.signIn.href()}>{t('reset.backToSignIn')}</Link>
        </p>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}

export function ResetPasswordRoute() {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <AuthLayout title={t('reset.title')} intro={t('reset.intro')} languageSwitch={<LanguageSwitch tone="dark" />}>
      <ResetPasswordForm token={params.get('token')} />
    </AuthLayout>
  );
}
