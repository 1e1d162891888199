import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';

export const isStaleVersion = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** Someone saved first: offer to load their version (the form's unsaved edits are dropped). */
export function StaleVersionAlert({ onReload }: { onReload: () => void }) {
  const t = useT();
  return (
    <Alert tone="danger" title={t('dir.staleTitle')}>
      <p>{t('dir.staleBody')}</p>
      <Button variant="secondary" size="sm" onClick={onReload}>
        {t('dir.staleReload')}
      </Button>
    </Alert>
  );
}
