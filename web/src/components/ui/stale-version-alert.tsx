import { useT } from '../../i18n/i18n-provider';
import { Alert } from './alert';
import { Button } from './button';

/**
 * A save answered 409 stale_version (lib/errors.ts isStaleVersion): someone else saved first. Says
 * so, with `body` telling what changed, and offers to load their version (unsaved edits are dropped).
 */
export function StaleVersionAlert({ body, onReload }: { body: string; onReload: () => void }) {
  const t = useT();
  return (
    <Alert tone="danger" title={t('common.staleTitle')}>
      <p>{body}</p>
      <Button variant="secondary" size="sm" onClick={onReload}>
        {t('common.reload')}
      </Button>
    </Alert>
  );
}
