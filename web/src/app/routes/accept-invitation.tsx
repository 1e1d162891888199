import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../config/paths';
import { AcceptInvitationForm } from '../../features/auth/components/accept-invitation-form';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { useT } from '../../i18n/i18n-provider';
import { AuthLayout } from '../../layouts/auth-layout';

export function AcceptInvitationRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <AuthLayout title={t('accept.title')} intro={t('accept.intro')} languageSwitch={<LanguageSwitch tone="dark" />}>
      <AcceptInvitationForm token={params.get('token')} onAccepted={() => navigate(paths.home.href(), { replace: true })} />
    </AuthLayout>
  );
}
