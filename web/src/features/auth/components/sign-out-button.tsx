import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { useLogout } from '../api/use-logout';

export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useT();
  const logout = useLogout();
  return (
    <Button variant="secondary" size="sm" loading={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: onSignedOut })}>
      {t('header.signOut')}
    </Button>
  );
}
