import { ApiError } from '@tandem/contract/client';
import { Alert } from './alert';
import { Button } from './button';
import { useT } from '../../i18n/i18n-provider';

export const isStaleVersion = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** Shared by every edit form that sends a version (directory, agreements). Someone saved first: offer to load their version (the form's unsaved edits are dropped). */
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
